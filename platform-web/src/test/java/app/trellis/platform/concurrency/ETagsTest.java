package app.trellis.platform.concurrency;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import app.trellis.platform.problem.ProblemException;
import org.junit.jupiter.api.Test;

class ETagsTest {

    @Test
    void theCurrentVersionMatchesAlsoInAListOrAsWildcard() {
        assertEquals(3, ETags.requireMatch("\"3\"", 3));
        assertEquals(3, ETags.requireMatch("\"1\", \"3\"", 3));
        assertEquals(3, ETags.requireMatch("*", 3));
    }

    @Test
    void missingIs428AndStaleOrWeakIs412() {
        assertEquals(428, assertThrows(ProblemException.class, () -> ETags.requireMatch(null, 3)).status());
        assertEquals(428, assertThrows(ProblemException.class, () -> ETags.requireMatch(" ", 3)).status());
        assertEquals(412, assertThrows(ProblemException.class, () -> ETags.requireMatch("\"2\"", 3)).status());
        assertEquals(412, assertThrows(ProblemException.class, () -> ETags.requireMatch("W/\"3\"", 3)).status());
    }
}
