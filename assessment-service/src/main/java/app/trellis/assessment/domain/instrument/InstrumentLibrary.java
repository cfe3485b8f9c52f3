package app.trellis.assessment.domain.instrument;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The shared library every tenant sees, shipped as definition JSON ({@link InstrumentJson}) under
 * {@code src/main/resources/instruments/}: PHQ-9 and GAD-7 (public domain, standard scoring and severity bands)
 * and a Trellis functional screen with conditional sections. Seeding them into the catalogue, as published
 * versions, is the persistence layer's job.
 */
public final class InstrumentLibrary {

    /** Resource names of the seeds, in the order to list them. */
    public static final List<String> SEEDS = List.of("instruments/phq-9.json", "instruments/gad-7.json",
            "instruments/functional-screen.json");

    private InstrumentLibrary() {
    }

    /** Every seed, read and checked. */
    public static List<InstrumentDefinition> definitions() {
        return SEEDS.stream().map(InstrumentLibrary::load).toList();
    }

    /** One seed by resource name, read and checked by {@link CompiledInstrument#compile}. */
    public static InstrumentDefinition load(String resource) {
        try (InputStream in = InstrumentLibrary.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("No instrument resource " + resource);
            }
            InstrumentDefinition definition = InstrumentJson.read(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            CompiledInstrument.compile(definition);
            return definition;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
