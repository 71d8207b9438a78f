package dev.veil.approval.server.api;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import javax.servlet.Filter;
import javax.servlet.FilterChain;
import javax.servlet.FilterConfig;
import javax.servlet.ReadListener;
import javax.servlet.ServletException;
import javax.servlet.ServletInputStream;
import javax.servlet.ServletRequest;
import javax.servlet.ServletResponse;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletRequestWrapper;
import javax.servlet.http.HttpServletResponse;

/**
 * Refuses what no endpoint serves before any handler sees it: methods other than GET and POST (the servlet API
 * would otherwise answer TRACE by echoing the request's headers), and bodies larger than a limit, declared or
 * streamed.
 */
public final class RequestLimitsFilter implements Filter {

    private final long maxBytes;

    public RequestLimitsFilter(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    @Override
    public void init(FilterConfig filterConfig) {
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        HttpServletRequest http = (HttpServletRequest) request;
        if (!http.getMethod().equals("GET") && !http.getMethod().equals("POST")) {
            refuse((HttpServletResponse) response, 405, "use GET or POST");
            return;
        }
        if (http.getContentLengthLong() > maxBytes) {
            refuse((HttpServletResponse) response, 413, "the body is too large");
            return;
        }
        LimitedRequest limited = new LimitedRequest(http, maxBytes);
        try {
            chain.doFilter(limited, response);
        } catch (IOException | ServletException | RuntimeException e) {
            // a body sent without a Content-Length is found too large only while a handler reads it, and the
            // handlers (the API, Bolt) let that read's failure escape, which would end as a 500
            if (!limited.tooLarge() || response.isCommitted()) {
                throw e;
            }
            response.reset();
            refuse((HttpServletResponse) response, 413, "the body is too large");
        }
    }

    private static void refuse(HttpServletResponse response, int status, String message) throws IOException {
        JsonErrors.write(response, status, message);
    }

    @Override
    public void destroy() {
    }

    /** The request with its body stream limited, remembering whether a handler read past the limit. */
    private static final class LimitedRequest extends HttpServletRequestWrapper {
        private final long maxBytes;
        private LimitedInputStream limited;

        LimitedRequest(HttpServletRequest request, long maxBytes) {
            super(request);
            this.maxBytes = maxBytes;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (limited == null) {
                limited = new LimitedInputStream(super.getInputStream(), maxBytes);
            }
            return limited;
        }

        @Override
        public BufferedReader getReader() throws IOException {
            String encoding = getCharacterEncoding() == null ? "UTF-8" : getCharacterEncoding();
            return new BufferedReader(new InputStreamReader(getInputStream(), encoding));
        }

        boolean tooLarge() {
            return limited != null && limited.exceeded();
        }
    }

    private static final class LimitedInputStream extends ServletInputStream {
        private final ServletInputStream in;
        private final long max;
        private long read;

        LimitedInputStream(ServletInputStream in, long max) {
            this.in = in;
            this.max = max;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = in.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        boolean exceeded() {
            return read > max;
        }

        private void count(long n) throws IOException {
            read += n;
            if (read > max) {
                throw new IOException("the request body is larger than " + max + " bytes");
            }
        }

        @Override
        public boolean isFinished() {
            return in.isFinished();
        }

        @Override
        public boolean isReady() {
            return in.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            in.setReadListener(listener);
        }

        @Override
        public void close() throws IOException {
            in.close();
        }

        @Override
        public int available() throws IOException {
            return in.available();
        }
    }
}
