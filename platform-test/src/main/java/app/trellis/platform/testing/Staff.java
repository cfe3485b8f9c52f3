package app.trellis.platform.testing;

import java.util.List;
import java.util.Map;

/** Tokens of people of one tenant, with the team claim the access rule reads. */
public final class Staff {

    private Staff() {
    }

    public static String member(String tenant, String user, String team, String role) {
        TestTokens.Builder token = TestTokens.builder(user).claim("tenant", tenant)
                .claim("realm_access", Map.of("roles", List.of(role)));
        return (team == null ? token : token.team(team)).build();
    }
}
