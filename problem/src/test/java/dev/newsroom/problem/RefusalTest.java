package dev.newsroom.problem;

import static dev.newsroom.problem.Refusal.Reason.FAILED_CONDITION;
import static dev.newsroom.problem.Refusal.Reason.MISSING_CONDITION;
import static dev.newsroom.problem.Refusal.Reason.NOT_PERMITTED;
import static dev.newsroom.problem.Refusal.Reason.STALE_VERSION;
import static dev.newsroom.problem.Refusal.Reason.UNAVAILABLE;
import static dev.newsroom.problem.Refusal.Reason.WRONG_STATE;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/** Each reason a service refuses for reaches the client with its own status and title, the detail and the fields. */
class RefusalTest {

    @Test
    void eachReasonHasItsStatus() {
        assertThat(status(Refusal.notFound("article 1"))).isEqualTo(404);
        assertThat(status(Refusal.invalid("slug", "is taken"))).isEqualTo(400);
        assertThat(status(Refusal.of(NOT_PERMITTED, "editors only"))).isEqualTo(403);
        assertThat(status(Refusal.of(WRONG_STATE, "published"))).isEqualTo(409);
        assertThat(status(Refusal.of(STALE_VERSION, "changed"))).isEqualTo(409);
        assertThat(status(Refusal.of(FAILED_CONDITION, "changed"))).isEqualTo(412);
        assertThat(status(Refusal.of(MISSING_CONDITION, "send If-Match"))).isEqualTo(428);
        assertThat(status(Refusal.tooLarge("body", "is too large"))).isEqualTo(413);
        assertThat(status(Refusal.unsupportedType("file", "a PDF"))).isEqualTo(415);
        assertThat(status(Refusal.unprocessable("leadImage.mediaId", "deleted"))).isEqualTo(422);
        assertThat(status(Refusal.of(UNAVAILABLE, "stopping"))).isEqualTo(503);
    }

    @Test
    void detailAndFieldsReachTheProblem() {
        Problem problem = ProblemMappers.problemOf(Refusal.invalid(List.of(
                new Problem.FieldError("headline", "is required"), new Problem.FieldError("slug", "is taken"))));
        assertThat(problem.title()).isEqualTo("Invalid request");
        assertThat(problem.detail()).isEqualTo("2 fields are invalid");
        assertThat(problem.errors()).extracting(Problem.FieldError::field).containsExactly("headline", "slug");

        Problem tooLarge = ProblemMappers.problemOf(Refusal.tooLarge("body", "body has 3 MB; at most 1 MB"));
        assertThat(tooLarge.title()).isEqualTo(ProblemException.CONTENT_TOO_LARGE);
        assertThat(tooLarge.detail()).isEqualTo("body has 3 MB; at most 1 MB");
        assertThat(tooLarge.errors()).containsExactly(new Problem.FieldError("body", "body has 3 MB; at most 1 MB"));
        assertThat(ProblemMappers.problemOf(Refusal.notFound("article 7")).detail())
                .isEqualTo("article 7 does not exist");
    }

    private static int status(Refusal refusal) {
        return ProblemMappers.problemOf(refusal).status();
    }
}
