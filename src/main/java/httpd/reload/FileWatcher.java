package httpd.reload;

import httpd.files.HiddenNames;
import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches the document root and every folder below it (new ones too) with the JDK's WatchService, and
 * reports changed files in batches: an editor's save is often several events, so a batch closes only
 * after a quiet period. Symbolic links are never followed, so nothing outside the root is watched, and
 * dot-directories such as {@code .git} are ignored.
 */
public final class FileWatcher implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(FileWatcher.class);

    private final Path root;
    private final Duration quietPeriod;
    private final Consumer<Set<Path>> onChange;
    private final WatchService service;
    private final Map<WatchKey, Path> directories = new HashMap<>();
    private final Thread thread;

    /**
     * @param onChange called on the watcher's thread with the files (relative to the root) changed in a batch
     */
    public FileWatcher(Path root, Duration quietPeriod, Consumer<Set<Path>> onChange) throws IOException {
        this.root = root.toRealPath();
        this.quietPeriod = quietPeriod;
        this.onChange = onChange;
        this.service = FileSystems.getDefault().newWatchService();
        registerTree(this.root);
        this.thread = new Thread(this::watch, "httpd-watcher");
        this.thread.setDaemon(true);
    }

    public FileWatcher start() {
        thread.start();
        return this;
    }

    private void registerTree(Path start) throws IOException {
        Files.walkFileTree(start, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) throws IOException {
                if (!dir.equals(root) && HiddenNames.isHidden(dir.getFileName().toString())) {
                    return FileVisitResult.SKIP_SUBTREE;
                }
                WatchKey key = dir.register(service, StandardWatchEventKinds.ENTRY_CREATE,
                        StandardWatchEventKinds.ENTRY_MODIFY, StandardWatchEventKinds.ENTRY_DELETE);
                synchronized (directories) {
                    directories.put(key, dir);
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) {
                return FileVisitResult.CONTINUE;
            }
        });
    }

    private void watch() {
        Set<Path> batch = new LinkedHashSet<>();
        try {
            while (true) {
                WatchKey key = batch.isEmpty() ? service.take()
                        : service.poll(quietPeriod.toMillis(), TimeUnit.MILLISECONDS);
                if (key == null) {
                    onChange.accept(Set.copyOf(batch));
                    batch.clear();
                    continue;
                }
                collect(key, batch);
            }
        } catch (InterruptedException | ClosedWatchServiceException e) {
            // closed: stop watching
        }
    }

    private void collect(WatchKey key, Set<Path> batch) {
        Path dir;
        synchronized (directories) {
            dir = directories.get(key);
        }
        for (WatchEvent<?> event : key.pollEvents()) {
            if (dir == null || event.kind() == StandardWatchEventKinds.OVERFLOW) {
                batch.add(Path.of(""));
                continue;
            }
            Path changed = dir.resolve((Path) event.context());
            Path relative = root.relativize(changed);
            if (HiddenNames.anyHidden(relative)) {
                continue;
            }
            if (event.kind() == StandardWatchEventKinds.ENTRY_CREATE
                    && Files.isDirectory(changed, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                try {
                    registerTree(changed);
                } catch (IOException e) {
                    log.debug("cannot watch {}: {}", changed, e.toString());
                }
            }
            batch.add(relative);
        }
        if (!key.reset()) {
            synchronized (directories) {
                directories.remove(key);
            }
        }
    }

    @Override
    public void close() throws IOException {
        service.close();
        thread.interrupt();
        try {
            thread.join(5000); // whoever closes the watcher may count on its thread having ended
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
