package dev.tessera.platform.rest.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.handler.AbstractHandler;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.osgi.service.component.annotations.Component;

/**
 * What the HTTP server itself answers, before any of Tessera's resources sees a request: a path too long (414), a
 * {@code %00} or another request Jetty cannot parse (400) and any error no context handles are RFC 9457 problem
 * documents like every other refusal, never Jetty's HTML page; and redirects name a path, never a URL built from the
 * request's Host header, so a forged Host is not echoed back. Pax Web adds registered Jetty handlers and request
 * customizers to its server; this one does nothing with requests but put its error handler on the server it joins.
 */
@Component(service = {Handler.class, HttpConfiguration.Customizer.class})
public final class ServerAnswers extends AbstractHandler implements HttpConfiguration.Customizer {
    private final ProblemErrorHandler errors = new ProblemErrorHandler();
    private ErrorHandler before;

    @Override
    public void setServer(Server server) {
        Server previous = getServer();
        super.setServer(server);
        if (previous != null && previous != server && previous.getErrorHandler() == errors) {
            previous.setErrorHandler(before);
        }
        if (server != null && server.getErrorHandler() != errors) {
            before = server.getErrorHandler();
            errors.setServer(server);
            server.setErrorHandler(errors);
        }
    }

    @Override
    protected void doStop() throws Exception {
        Server server = getServer();
        if (server != null && server.getErrorHandler() == errors) {
            server.setErrorHandler(before);
        }
        super.doStop();
    }

    @Override
    public void handle(String target, Request base, HttpServletRequest request, HttpServletResponse response) {
        // requests are the contexts' business: this handler is here for the server's error handler only
    }

    /** A Host header as RFC 9110 has it: a name or an IPv4 address, or an IPv6 one in brackets, and a port. */
    private static final java.util.regex.Pattern HOST = java.util.regex.Pattern.compile(
            "(\\[[0-9A-Fa-f:.]{2,45}\\]|[A-Za-z0-9._~-]{1,253})(:[0-9]{1,5})?");

    @Override
    public void customize(Connector connector, HttpConfiguration configuration, Request request) {
        if (!configuration.isRelativeRedirectAllowed()) {
            configuration.setRelativeRedirectAllowed(true);
        }
        String host = request.getHeader("Host");
        if (host != null && !host.isEmpty() && !HOST.matcher(host).matches()) {
            // the application would build its base URI from it and fail with a 500: the request is malformed
            throw new org.eclipse.jetty.http.BadMessageException(400, "the Host header is not a host name or address"
                    + " with an optional port");
        }
    }

    /** A problem document for a status the server answers by itself. */
    static String problem(int status, String reason) {
        String title = HttpStatus.getMessage(status);
        String detail = switch (status) {
            case 414 -> "The request's path and query are longer than the server accepts (8 KiB): send fewer or shorter"
                    + " parameters, or a POST with a body";
            case 431 -> "The request's headers are larger than the server accepts (8 KiB)";
            case 400 -> "The server could not read the request" + (reason == null || reason.isBlank() ? ""
                    : " (" + reason + ")") + ": check the path for characters that need percent-encoding and that"
                    + " none encodes a control character such as %00";
            default -> reason == null || reason.isBlank() ? title : reason;
        };
        return "{\"type\":\"https://tessera.dev/problems/platform.http-" + status + "\",\"title\":" + quote(title)
                + ",\"status\":" + status + ",\"detail\":" + quote(detail) + ",\"code\":\"platform.http-" + status
                + "\"}";
    }

    private static String quote(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    /** Jetty's error handler, answering problem documents instead of HTML pages. */
    static final class ProblemErrorHandler extends ErrorHandler {
        ProblemErrorHandler() {
            setShowStacks(false);
            setShowServlet(false);
        }

        @Override
        public ByteBuffer badMessageError(int status, String reason, HttpFields fields) {
            fields.put(new HttpField(HttpHeader.CONTENT_TYPE, Problems.MEDIA_TYPE));
            return ByteBuffer.wrap(problem(status, reason).getBytes(StandardCharsets.UTF_8));
        }

        @Override
        protected void generateAcceptableResponse(Request base, HttpServletRequest request, HttpServletResponse response,
                                                  int code, String message) throws IOException {
            base.setHandled(true);
            response.setContentType(Problems.MEDIA_TYPE);
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            byte[] body = problem(code, message).getBytes(StandardCharsets.UTF_8);
            response.setContentLength(body.length);
            response.getOutputStream().write(body);
        }
    }
}
