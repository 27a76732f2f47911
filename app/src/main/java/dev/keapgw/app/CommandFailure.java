package dev.keapgw.app;

/** A command could not do its job; the message is the one line the user sees (after the command's name). */
final class CommandFailure extends RuntimeException {
  CommandFailure(String message) {
    super(message, null, false, false);
  }
}
