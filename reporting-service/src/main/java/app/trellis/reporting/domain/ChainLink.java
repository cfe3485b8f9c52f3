package app.trellis.reporting.domain;

/**
 * One record of a service's audit chain as reporting keeps it: its position, its hash and its predecessor's, and
 * the same three as they were published (the stored payload), which an edit of the columns alone no longer matches.
 */
public record ChainLink(long position, String previousHash, String hash, long publishedPosition,
                        String publishedPreviousHash, String publishedHash) {

    public boolean matchesWhatWasPublished() {
        return position == publishedPosition && previousHash.equals(publishedPreviousHash) && hash.equals(publishedHash);
    }
}
