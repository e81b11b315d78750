package org.communedx.service.instance;

import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringApplication;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

class InstanceNameTests {

    @Test
    void aNameThatIsSetWins() {
        StandardEnvironment environment = environment(Map.of(InstanceName.PROPERTY, "app-2", "HOSTNAME", "c0ffee"));

        new InstanceName().postProcessEnvironment(environment, new SpringApplication());

        assertThat(InstanceName.of(environment)).isEqualTo("app-2");
    }

    @Test
    void withoutOneItIsTheContainersHostName() {
        StandardEnvironment environment = environment(Map.of("HOSTNAME", "c0ffee"));

        new InstanceName().postProcessEnvironment(environment, new SpringApplication());

        assertThat(InstanceName.of(environment)).isEqualTo("c0ffee");
    }

    @Test
    void withoutEitherItIsTheMachinesName() {
        StandardEnvironment environment = environment(Map.of());
        environment.getPropertySources().remove(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME);

        new InstanceName().postProcessEnvironment(environment, new SpringApplication());

        assertThat(InstanceName.of(environment)).isNotBlank();
    }

    private static StandardEnvironment environment(Map<String, Object> properties) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("test", properties));
        return environment;
    }
}
