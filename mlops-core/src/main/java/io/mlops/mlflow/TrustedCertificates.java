package io.mlops.mlflow;

import io.mlops.util.InputException;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.util.Arrays;

/**
 * An SSL context that trusts the JDK's default CAs plus the CA certificates of a PEM file, for MLflow servers
 * behind a company CA ({@code MLFLOW_TRACKING_SERVER_CERT_PATH}).
 */
final class TrustedCertificates {
    private TrustedCertificates() {
    }

    static SSLContext sslContext(final Path pem) {
        try {
            var store = KeyStore.getInstance(KeyStore.getDefaultType());
            store.load(null, null);
            int index = 0;
            for (var certificate : defaultTrustManager().getAcceptedIssuers()) {
                store.setCertificateEntry("default-" + index++, certificate);
            }
            var added = 0;
            try (InputStream in = Files.newInputStream(pem)) {
                for (var certificate : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                    store.setCertificateEntry("ca-" + added++, certificate);
                }
            }
            if (added == 0) {
                throw new InputException(pem, "no PEM certificate found: expected one or more "
                        + "-----BEGIN CERTIFICATE----- blocks of the CA that signed the MLflow server's certificate");
            }
            var factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(store);
            var context = SSLContext.getInstance("TLS");
            context.init(null, factory.getTrustManagers(), null);
            return context;
        } catch (IOException e) {
            throw new InputException(pem, "cannot read the CA file: " + e.getMessage());
        } catch (GeneralSecurityException e) {
            throw new InputException(pem, "not a PEM file of X.509 CA certificates: " + e.getMessage());
        }
    }

    private static X509TrustManager defaultTrustManager() throws GeneralSecurityException {
        var factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init((KeyStore) null);
        return Arrays.stream(factory.getTrustManagers()).filter(X509TrustManager.class::isInstance)
                .map(X509TrustManager.class::cast).findFirst()
                .orElseThrow(() -> new GeneralSecurityException("the JDK has no X.509 trust manager"));
    }
}
