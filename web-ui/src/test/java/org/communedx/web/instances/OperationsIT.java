package org.communedx.web.instances;

import java.net.http.HttpResponse;
import java.time.Duration;

import org.communedx.service.instance.InstanceName;
import org.communedx.web.support.EntryPages;
import org.communedx.web.support.TrackerIntegrationTest;
import org.communedx.web.support.WebClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.context.LifecycleProperties;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.boot.health.actuate.endpoint.CompositeHealthDescriptor;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.server.Shutdown;
import org.springframework.boot.web.server.autoconfigure.ServerProperties;
import org.springframework.context.ApplicationContext;
import org.springframework.core.env.Environment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a load balancer and an operator of several instances rely on: the probes, a graceful stop, and the instance's
 * name in the log.
 */
@TrackerIntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class OperationsIT {

    private static final Logger log = LoggerFactory.getLogger(OperationsIT.class);

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @Autowired
    HealthEndpoint health;

    @Autowired
    Environment environment;

    @Test
    void livenessAndReadinessAnswerEveryoneWithTheStatusOnly() {
        for (WebClient client : new WebClient[] { new WebClient(port),
                new WebClient(port).login("admin", EntryPages.PASSWORD) }) {
            for (String probe : new String[] { "/actuator/health/liveness", "/actuator/health/readiness" }) {
                HttpResponse<String> answer = client.get(probe, "application/json");
                assertThat(answer.statusCode()).as(probe).isEqualTo(200);
                assertThat(answer.body()).as(probe).isEqualTo("{\"status\":\"UP\"}");
            }
        }
    }

    @Test
    void readinessIncludesTheDatabase() {
        CompositeHealthDescriptor readiness = (CompositeHealthDescriptor) health.healthForPath("readiness");

        assertThat(readiness.getComponents()).containsOnlyKeys("readinessState", "db");
    }

    /** As while the start-up work runs, or once a stop has begun: the load balancer must send requests elsewhere. */
    @Test
    void readinessIsOutOfServiceWhileTheApplicationRefusesTraffic() {
        WebClient anonymous = new WebClient(port);
        AvailabilityChangeEvent.publish(context, ReadinessState.REFUSING_TRAFFIC);
        try {
            HttpResponse<String> readiness = anonymous.get("/actuator/health/readiness", "application/json");
            assertThat(readiness.statusCode()).isEqualTo(503);
            assertThat(readiness.body()).isEqualTo("{\"status\":\"OUT_OF_SERVICE\"}");
            assertThat(anonymous.get("/actuator/health/liveness", "application/json").statusCode())
                    .as("alive all the same: nobody should restart it").isEqualTo(200);
            assertThat(anonymous.get("/login").statusCode()).as("pages refused meanwhile").isEqualTo(503);
        }
        finally {
            AvailabilityChangeEvent.publish(context, ReadinessState.ACCEPTING_TRAFFIC);
        }
        assertThat(anonymous.get("/actuator/health/readiness", "application/json").statusCode()).isEqualTo(200);
    }

    /** The settings a rolling restart depends on; GracefulShutdownIT stops an application of its own under load. */
    @Test
    void aStopLetsTheRequestsUnderWayFinish() {
        assertThat(context.getBean(ServerProperties.class).getShutdown()).isEqualTo(Shutdown.GRACEFUL);
        assertThat(context.getBean(LifecycleProperties.class).getTimeoutPerShutdownPhase())
                .isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void everyLogLineNamesTheInstance(CapturedOutput output) {
        String name = InstanceName.of(environment);
        log.info("A line to find");

        assertThat(name).isNotBlank();
        assertThat(output.getAll().lines().filter(line -> line.contains("A line to find")))
                .singleElement().asString().contains(" INFO [" + name + "] ");
    }
}
