package app.trellis.platform.paging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import app.trellis.platform.problem.ProblemException;
import java.util.List;
import org.junit.jupiter.api.Test;

class CursorTest {

    @Test
    void aCursorSurvivesTheRoundTripWithAnyValues() {
        Cursor cursor = Cursor.of("2026-01-01T00:00:00Z", "a/b?c=d&e", "");
        assertEquals(cursor, Cursor.decode(cursor.encode()));
    }

    @Test
    void somethingThatIsNotOurCursorIsABadRequestOnTheCursorField() {
        ProblemException garbage = assertThrows(ProblemException.class, () -> Cursor.decode("!!!"));
        assertEquals(400, garbage.status());
        assertEquals("cursor", garbage.errors().get(0).field());
        assertThrows(ProblemException.class, () -> Cursor.decode("djJ4")); // base64 of another format
    }

    @Test
    void aPageCutsTheOverFetchedRowAndPointsAfterTheLastItemKept() {
        PageRequest request = PageRequest.of(2, null);
        Page<String> page = request.toPage(List.of("a", "b", "c"), Cursor::of);
        assertEquals(List.of("a", "b"), page.items());
        assertEquals("b", Cursor.decode(page.nextCursor()).value(0));
        assertNull(request.toPage(List.of("a", "b"), Cursor::of).nextCursor());
    }

    @Test
    void limitsOutsideOneTo200AreRefused() {
        assertEquals(50, PageRequest.of(null, null).limit());
        assertThrows(ProblemException.class, () -> PageRequest.of(0, null));
        assertThrows(ProblemException.class, () -> PageRequest.of(201, null));
    }
}
