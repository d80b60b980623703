package cnnkit.grader;

import static org.assertj.core.api.Assertions.assertThat;

import cnnkit.grader.common.Assignment;
import java.util.ArrayList;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The hidden checks listed when the grader is built")
class BuiltChecksTest {
    @Test
    @DisplayName("are what a discovery now finds, for every assignment, in the same order with the same names")
    void sameAsDiscoveredNow() {
        for (Assignment assignment : Assignment.values()) {
            Map<String, String> now = Grader.discoverChecks(assignment, false);
            Map<String, String> built = BuiltChecks.read(assignment).orElseThrow();

            assertThat(now).as(assignment.id()).isNotEmpty();
            assertThat(built).as(assignment.id()).containsExactlyEntriesOf(now);
            assertThat(new ArrayList<>(built.keySet())).isEqualTo(new ArrayList<>(now.keySet()));
            assertThat(Grader.discoverChecks(assignment)).isEqualTo(built);
        }
    }
}
