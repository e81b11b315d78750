package org.communedx.web.api;

import java.util.Locale;

import org.communedx.web.config.ApiRefusals;
import org.communedx.web.config.Bundles;
import org.junit.jupiter.api.Test;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.i18n.AcceptHeaderLocaleResolver;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A write that another refused by a row's version or a unique key, at the same moment: a 409 that says nothing was
 * saved and the request may be sent again, where it was a 500 (a province's bulk push while a commune saved).
 */
class ConcurrentChangeTests {

    private final MockMvc api = MockMvcBuilders.standaloneSetup(new Writes())
            .setControllerAdvice(new ApiProblems(new ApiRefusals(Bundles.messages(), new AcceptHeaderLocaleResolver())))
            .build();

    @Test
    void aConcurrentChangeIsAConflictThatMaySendAgain() throws Exception {
        for (String path : new String[] { "/version", "/key" }) {
            api.perform(get(path).locale(Locale.ENGLISH)).andExpect(status().isConflict())
                    .andExpect(jsonPath("$.code").value("api.refused.concurrentChange"))
                    .andExpect(jsonPath("$.detail").value("Another request changed the same data at the same moment; "
                            + "nothing was saved. The request may be sent again."));
        }
    }

    @RestController
    static class Writes {

        @GetMapping("/version")
        String version() {
            throw new ObjectOptimisticLockingFailureException("CriterionEntry", 1L);
        }

        @GetMapping("/key")
        String key() {
            throw new DuplicateKeyException("period_name_unique");
        }
    }
}
