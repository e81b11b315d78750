package org.communedx.web.config;

import org.junit.jupiter.api.Test;

import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;

/** A form's address leads to a page of this server, never to another site. */
class FormPagesTests {

    private final FormPages pages = new FormPages(new RequestMappingHandlerMapping());

    @Test
    void anAddressThatCouldNameAnotherSiteLeadsHome() {
        assertThat(pages.pageAt("//evil.example/path")).isEqualTo("/");
        assertThat(pages.pageAt("evil.example")).isEqualTo("/");
        assertThat(pages.pageAt("/nothing/here")).as("no page above it but the root").isEqualTo("/");
    }
}
