package dev.keapgw.client.list;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Function;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * A list that fetches its pages lazily: nothing is requested until the first item is asked
 * for, and the next page only when the items of the one before are used up. At most one page
 * is held at a time, so iterating over a million contacts takes the memory of one page. Each
 * {@link #iterator()} (or {@link #stream()}) starts again from the first page.
 */
public final class Paged<T> implements Iterable<T> {
  private final Function<String, Page<T>> fetch;

  /** @param fetch the page after a token (null for the first page) */
  public Paged(Function<String, Page<T>> fetch) {
    this.fetch = fetch;
  }

  @Override
  public Iterator<T> iterator() {
    Iterator<Page<T>> pages = pages().iterator();
    return new Iterator<>() {
      private Iterator<T> current = java.util.Collections.emptyIterator();

      @Override
      public boolean hasNext() {
        while (!current.hasNext()) {
          if (!pages.hasNext()) {
            return false;
          }
          current = pages.next().items().iterator();
        }
        return true;
      }

      @Override
      public T next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        return current.next();
      }
    };
  }

  /** The items as a sequential stream, fetching pages as the stream is consumed. */
  public Stream<T> stream() {
    return StreamSupport.stream(
        Spliterators.spliteratorUnknownSize(iterator(), Spliterator.ORDERED), false);
  }

  /** The pages themselves, fetched one at a time; stops at a page with an empty token. */
  public Iterable<Page<T>> pages() {
    return () -> new Iterator<>() {
      private String token;
      private boolean done;

      @Override
      public boolean hasNext() {
        return !done;
      }

      @Override
      public Page<T> next() {
        if (done) {
          throw new NoSuchElementException();
        }
        Page<T> page = fetch.apply(token);
        // A server that hands back the token it was given would loop forever: stop there.
        done = page.isLast() || page.nextPageToken().equals(token);
        token = page.nextPageToken();
        return page;
      }
    };
  }

  /** Only the first page (one request). */
  public Page<T> firstPage() {
    return fetch.apply(null);
  }

  /** The first {@code n} items, fetching only the pages they need. */
  public List<T> first(int n) {
    List<T> out = new ArrayList<>(Math.min(n, 1000));
    Iterator<T> it = iterator();
    while (out.size() < n && it.hasNext()) {
      out.add(it.next());
    }
    return out;
  }

  /** Every item in one list: only for lists known to be small. */
  public List<T> toList() {
    return stream().toList();
  }
}
