package dev.keapgw.sandbox.store;

/**
 * Where row changes go besides memory. The default keeps nothing; {@link FileJournal} appends
 * every change to a file in the data directory and replays it at start.
 */
public interface Journal extends AutoCloseable {
  Journal NONE = new Journal() {
    @Override
    public void put(String tenant, String table, long id, byte[] doc) {}

    @Override
    public void remove(String tenant, String table, long id) {}

    @Override
    public void close() {}
  };

  void put(String tenant, String table, long id, byte[] doc);

  void remove(String tenant, String table, long id);

  @Override
  void close();
}
