package org.communedx.web.config;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.servlet.ServletRequest;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;

import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;

/** Attribute calls skip the wrappers that only hand them on, and nothing else. */
class DirectAttributesFilterTests {

    private final MockHttpServletRequest container = new MockHttpServletRequest("GET", "/units");

    @Test
    void attributesGoPastPassingWrappersBothWays() throws Exception {
        HttpServletRequestWrapper inner = new HttpServletRequestWrapper(container);
        HttpServletRequest outer = new HttpServletRequestWrapper(inner) {
            @Override
            public String getHeader(String name) {
                return "from the outer wrapper";
            }
        };
        HttpServletRequest seen = filtered(outer);

        assertThat(DirectAttributesFilter.deepestPassingReads(outer)).isSameAs(inner);
        assertThat(DirectAttributesFilter.deepestPassingWrites(outer)).isSameAs(inner);
        seen.setAttribute("row", 1);
        container.setAttribute("model", 2);
        assertThat(container.getAttribute("row")).isEqualTo(1);
        assertThat(seen.getAttribute("model")).isEqualTo(2);
        assertThat(Collections.list(seen.getAttributeNames())).contains("row", "model");
        seen.removeAttribute("row");
        assertThat(container.getAttribute("row")).isNull();
        assertThat(seen.getHeader("Accept")).isEqualTo("from the outer wrapper");
    }

    @Test
    void aWrapperWithAttributesOfItsOwnKeepsItsPlace() throws Exception {
        HttpServletRequest own = new HttpServletRequestWrapper(container) {
            @Override
            public Object getAttribute(String name) {
                return "forwarded".equals(name) ? "by the wrapper" : super.getAttribute(name);
            }
        };
        HttpServletRequestWrapper passing = new HttpServletRequestWrapper(own);

        assertThat(DirectAttributesFilter.deepestPassingReads(passing)).isSameAs(passing);
        assertThat(filtered(passing).getAttribute("forwarded")).isEqualTo("by the wrapper");
        assertThat(DirectAttributesFilter.deepestPassingReads(own)).isNull();
    }

    @Test
    void aWrapperThatWatchesWritesSeesEveryWriteButNoRead() throws Exception {
        List<String> written = new ArrayList<>();
        HttpServletRequestWrapper inner = new HttpServletRequestWrapper(container);
        // As Spring's ResourceUrlEncodingFilter wraps a request: it watches the lookup path being set.
        HttpServletRequest watching = new HttpServletRequestWrapper(inner) {
            @Override
            public void setAttribute(String name, Object value) {
                written.add(name);
                super.setAttribute(name, value);
            }
        };
        HttpServletRequest seen = filtered(watching);

        assertThat(DirectAttributesFilter.deepestPassingReads(watching)).isSameAs(inner);
        assertThat(DirectAttributesFilter.deepestPassingWrites(watching)).isNull();
        seen.setAttribute("row", 1);
        assertThat(written).contains("row");
        assertThat(seen.getAttribute("row")).isEqualTo(1);
    }

    @Test
    void aRequestSlippedInUnderTheWrappersIsFollowed() throws Exception {
        HttpServletRequestWrapper wrapper = new HttpServletRequestWrapper(container);
        HttpServletRequest seen = filtered(wrapper);
        MockHttpServletRequest forwarded = new MockHttpServletRequest("GET", "/error");
        forwarded.setAttribute("jakarta.servlet.forward.request_uri", "/units");

        // What Tomcat does for a forward: its own request goes under the wrapper nearest to the container's.
        wrapper.setRequest(forwarded);

        assertThat(seen.getAttribute("jakarta.servlet.forward.request_uri")).isEqualTo("/units");
    }

    @Test
    void anUnwrappedRequestIsLeftAsItIs() throws Exception {
        assertThat(filtered(container)).isSameAs(container);
    }

    private static HttpServletRequest filtered(HttpServletRequest request) throws Exception {
        AtomicReference<ServletRequest> passed = new AtomicReference<>();
        new DirectAttributesFilter().doFilter(request, new MockHttpServletResponse(),
                (req, res) -> passed.set(req));
        return (HttpServletRequest) passed.get();
    }
}
