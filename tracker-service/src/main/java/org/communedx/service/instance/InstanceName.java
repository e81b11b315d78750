package org.communedx.service.instance;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Environment;
import org.springframework.core.env.MapPropertySource;

/**
 * The name of this instance, {@code communedx.instance-name}: what every log line carries (application.yml's
 * {@code logging.pattern.level}) and what the locks of work that runs once record as their holder. Behind a load
 * balancer it tells which instance wrote a line or ran a sweep. When it is not set it is the host name: the
 * container's in Docker (its {@code HOSTNAME}), the machine's otherwise.
 * <p>
 * An environment post-processor, because the logging system reads its patterns as soon as the environment is ready,
 * long before any bean exists; it runs just before Spring Boot's logging listener.
 */
public class InstanceName implements EnvironmentPostProcessor, Ordered {

    public static final String PROPERTY = "communedx.instance-name";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (!environment.containsProperty(PROPERTY)) {
            environment.getPropertySources().addLast(new MapPropertySource("communedxInstanceName",
                    Map.of(PROPERTY, hostName(environment))));
        }
    }

    public static String of(Environment environment) {
        return environment.getRequiredProperty(PROPERTY);
    }

    private static String hostName(Environment environment) {
        String variable = environment.getProperty("HOSTNAME");
        if (variable != null && !variable.isBlank()) {
            return variable.strip();
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        }
        catch (UnknownHostException ex) {
            // A machine whose own name does not resolve still has one, in the exception's message ("name: ...").
            String message = ex.getMessage();
            return message == null || message.isBlank() ? "localhost" : message.split(":")[0].strip();
        }
    }

    /** After the configuration files are read (so that a set name wins), before the logging system starts. */
    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
