package org.communedx.web.startup;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.web.server.PortInUseException;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.Environment;

/**
 * Binds the HTTP port for a moment before anything else starts. Tomcat itself binds it only once the whole context
 * stands, after the embedded database was created and migrated: a port that another program holds was reported a
 * minute and a half in, on a busy machine. Now it is one line within seconds (Boot's own wording, through
 * {@code PortInUseFailureAnalyzer}); a program that takes the port between this check and Tomcat is still reported,
 * later, by Tomcat.
 */
public class HttpPortCheck implements ApplicationListener<ApplicationEnvironmentPreparedEvent> {

    @Override
    public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
        if (event.getSpringApplication().getWebApplicationType() != WebApplicationType.SERVLET) {
            return;
        }
        Environment environment = event.getEnvironment();
        int port = environment.getProperty("server.port", Integer.class, 8080);
        if (port <= 0) {
            return;
        }
        InetAddress address = environment.getProperty("server.address", InetAddress.class);
        try (ServerSocket socket = new ServerSocket()) {
            // As Tomcat binds: a port left in TIME_WAIT by a previous run is free to it, so it is free here too.
            socket.setReuseAddress(true);
            socket.bind(address == null ? new InetSocketAddress(port) : new InetSocketAddress(address, port));
        }
        catch (IOException ex) {
            throw new PortInUseException(port, ex);
        }
    }
}
