package io.jenkins.plugins.mlops.util;

import hudson.model.Item;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

class JenkinsFacadeTest {
    @Test
    void shouldAskTheItemWhenThereIsOne() {
        var item = mock(Item.class);
        when(item.hasPermission(Item.READ)).thenReturn(true);

        assertThat(new JenkinsFacade().hasPermission(Item.READ, item)).isTrue();
    }

    @Test
    void shouldDenyWhatTheItemDenies() {
        var item = mock(Item.class);

        assertThat(new JenkinsFacade().hasPermission(Item.READ, item)).isFalse();
    }
}
