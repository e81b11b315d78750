package org.communedx.web.evidence;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import org.communedx.web.config.Bundles;
import org.communedx.web.evidence.EvidenceController.Problem;
import org.junit.jupiter.api.Test;

import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.beanvalidation.LocalValidatorFactoryBean;

import static org.assertj.core.api.Assertions.assertThat;

class EvidenceFormTests {

    @Test
    void aTitleTooLongIsRefusedWithTheLimitInTheMessage() {
        EvidenceForm form = new EvidenceForm("12/QĐ-UBND", "x".repeat(256), "UBND xã", LocalDate.of(2025, 3, 1), null, null);
        BeanPropertyBindingResult binding = new BeanPropertyBindingResult(form, "evidenceForm");
        try (LocalValidatorFactoryBean validator = new LocalValidatorFactoryBean()) {
            validator.afterPropertiesSet();
            validator.validate(form, binding);
        }

        Problem problem = EvidenceController.problems(binding).get(0);

        assertThat(problem).isEqualTo(new Problem("evidence.refused.titleTooLong", List.of(255)));
        assertThat(Bundles.messages().getMessage(problem.messageKey(), problem.arguments().toArray(), Locale.ENGLISH))
                .isEqualTo("The title may have at most 255 characters.");
        assertThat(Bundles.messages().getMessage(problem.messageKey(), problem.arguments().toArray(),
                Locale.forLanguageTag("vi"))).isEqualTo("Trích yếu tối đa 255 ký tự.");
    }
}
