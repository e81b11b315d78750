package org.communedx.web.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A TCP relay on loopback in front of a server, that a test can cut as a network or a server fails: every open
 * connection dropped at once, and each new one closed as soon as it is accepted, until {@link #restore()}. Armed with
 * {@link #severAfter}, it cuts itself once that many more bytes have gone towards the server: in the middle of a
 * request's body, which no timing from outside could hit.
 */
public final class SeverableLink implements AutoCloseable {

    private final InetSocketAddress target;

    private final ServerSocket listener;

    private final Set<Socket> open = ConcurrentHashMap.newKeySet();

    private final AtomicLong bytesBeforeCut = new AtomicLong(Long.MAX_VALUE);

    private volatile boolean severed;

    private SeverableLink(InetSocketAddress target) throws IOException {
        this.target = target;
        this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        daemon("link-accept", this::accept);
    }

    /** A relay to the host and port of {@code server}, e.g. an S3 server's endpoint. */
    public static SeverableLink to(URI server) {
        try {
            return new SeverableLink(new InetSocketAddress(server.getHost(), server.getPort()));
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /** The relay's own address, with the scheme and path of {@code server}: what to configure in its place. */
    public URI in(URI server) {
        return URI.create(server.getScheme() + "://127.0.0.1:" + listener.getLocalPort() + server.getRawPath());
    }

    /** Cuts the link once {@code bytes} more bytes have been relayed towards the server. */
    public void severAfter(long bytes) {
        bytesBeforeCut.set(bytes);
    }

    public boolean severed() {
        return severed;
    }

    /** Drops every connection now and refuses new ones. */
    public void sever() {
        severed = true;
        open.forEach(SeverableLink::closeQuietly);
        open.clear();
    }

    /** Relays again, unarmed. */
    public void restore() {
        bytesBeforeCut.set(Long.MAX_VALUE);
        severed = false;
    }

    private void accept() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                if (severed) {
                    closeQuietly(client);
                    continue;
                }
                Socket server = new Socket(target.getAddress(), target.getPort());
                open.add(client);
                open.add(server);
                daemon("link-up", () -> pump(client, server, true));
                daemon("link-down", () -> pump(server, client, false));
            }
            catch (IOException closedOrUnreachable) {
                // The listener closed, or the server refused this connection: the client sees its socket close.
            }
        }
    }

    private void pump(Socket from, Socket to, boolean towardsServer) {
        byte[] buffer = new byte[16 * 1024];
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            int read;
            while ((read = in.read(buffer)) >= 0) {
                if (towardsServer && bytesBeforeCut.addAndGet(-read) < 0) {
                    sever();
                    return;
                }
                out.write(buffer, 0, read);
                out.flush();
            }
        }
        catch (IOException cut) {
            // One side went away, or the link was severed: both sockets are closed below.
        }
        finally {
            closeQuietly(from);
            closeQuietly(to);
            open.remove(from);
            open.remove(to);
        }
    }

    private static void daemon(String name, Runnable work) {
        Thread thread = new Thread(work, name);
        thread.setDaemon(true);
        thread.start();
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        }
        catch (IOException alreadyGone) {
            // Nothing to do.
        }
    }

    @Override
    public void close() throws IOException {
        sever();
        listener.close();
    }
}
