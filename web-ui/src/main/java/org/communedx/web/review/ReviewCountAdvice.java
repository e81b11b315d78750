package org.communedx.web.review;

import org.communedx.service.assessment.ReviewQueue;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** The count of entries waiting for the reviewer, for the navigation ("3 chờ duyệt"); one SQL count, reviewers only. */
@ControllerAdvice(annotations = Controller.class)
class ReviewCountAdvice {

    private final ReviewQueue queue;

    ReviewCountAdvice(ReviewQueue queue) {
        this.queue = queue;
    }

    @ModelAttribute("pendingReviewCount")
    Integer pendingReviewCount() {
        return queue.pendingCount().orElse(null);
    }
}
