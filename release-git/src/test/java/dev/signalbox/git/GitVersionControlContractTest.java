package dev.signalbox.git;

import dev.signalbox.core.model.Revision;
import dev.signalbox.core.spi.VersionControl;
import dev.signalbox.testkit.contracts.VersionControlContract;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.io.TempDir;

/** {@link GitVersionControl} keeps the {@link VersionControl} contract, on a bare repository. */
class GitVersionControlContractTest extends VersionControlContract {
  @TempDir Path directory;

  @Override
  protected Sandbox newSandbox() {
    TestRepository repository = TestRepository.init(directory.resolve("repo.git"), true);
    GitVersionControl vcs = GitVersionControl.open(repository.directory);
    return new Sandbox() {
      @Override
      public VersionControl versionControl() {
        return vcs;
      }

      @Override
      public Revision commit(List<Revision> parents, Map<String, byte[]> files, String message) {
        Map<String, TestRepository.Entry> entries = new TreeMap<>();
        files.forEach((path, content) -> entries.put(path, TestRepository.bytes(content)));
        return repository.commit(parents, entries);
      }

      @Override
      public void close() {
        vcs.close();
        repository.close();
      }
    };
  }
}
