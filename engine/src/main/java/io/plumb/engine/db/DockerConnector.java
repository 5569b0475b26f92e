package io.plumb.engine.db;

/** Opens {@code docker://postgres/15[/db]}, {@code docker://mysql/8[/schema]} and {@code docker://maria/11[/schema]}. */
final class DockerConnector {

    private DockerConnector() {}

    static Database open(DatabaseUrl url) {
        throw new InvalidUrlException(url.original(), "docker:// is not supported by this build yet");
    }
}
