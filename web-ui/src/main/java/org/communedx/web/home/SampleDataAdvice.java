package org.communedx.web.home;

import org.communedx.service.DemoData;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Whether the pages show the "sample data" label: wherever the demo's units, accounts and assessments were seeded,
 * so that nobody takes a demo figure for a real one.
 */
@ControllerAdvice(annotations = Controller.class)
class SampleDataAdvice {

    private final DemoData demoData;

    SampleDataAdvice(DemoData demoData) {
        this.demoData = demoData;
    }

    @ModelAttribute("sampleData")
    boolean sampleData() {
        return demoData.enabled();
    }
}
