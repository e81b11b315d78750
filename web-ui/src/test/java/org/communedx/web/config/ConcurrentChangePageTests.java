package org.communedx.web.config;

import org.junit.jupiter.api.Test;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.stereotype.Controller;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Two users saving the same period, plan or user at once: the second is answered 409, which the container's error
 * page shows as error/409 ("nothing was saved"), with the whole menu, not as "an error".
 */
class ConcurrentChangePageTests {

    private final MockMvc pages = MockMvcBuilders.standaloneSetup(new Forms())
            .setControllerAdvice(new WebExceptionHandler(new FormPages(new RequestMappingHandlerMapping()), null, null))
            .build();

    @Test
    void aConcurrentChangeIsAConflictPage() throws Exception {
        for (String path : new String[] { "/version", "/key" }) {
            pages.perform(post(path)).andExpect(status().isConflict());
        }
    }

    @Controller
    static class Forms {

        @PostMapping("/version")
        String version() {
            throw new ObjectOptimisticLockingFailureException("Period", 1L);
        }

        @PostMapping("/key")
        String key() {
            throw new DuplicateKeyException("period_name_unique");
        }
    }
}
