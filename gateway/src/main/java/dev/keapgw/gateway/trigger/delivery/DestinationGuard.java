package dev.keapgw.gateway.trigger.delivery;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * The server-side request forgery rule for destinations: unless allowed, a destination may not
 * resolve to an address of this machine or its networks (loopback, private, carrier-grade NAT,
 * link-local (which holds the clouds' metadata services), unspecified, multicast, IPv6 unique
 * local). Checked on every delivery, after resolving the name; the delivery then connects to
 * the address that was checked, so a name cannot resolve differently in between.
 */
public final class DestinationGuard {
  private final boolean allowPrivate;

  public DestinationGuard(boolean allowPrivate) {
    this.allowPrivate = allowPrivate;
  }

  /** A destination that may not be reached; the message says why, naming no secret. */
  public static final class Refused extends Exception {
    public Refused(String message) {
      super(message, null, false, false);
    }
  }

  /** The address to connect to for {@code host}, after checking every address it resolves to. */
  public InetAddress resolve(String host) throws Refused {
    InetAddress[] all;
    try {
      all = InetAddress.getAllByName(host);
    } catch (UnknownHostException e) {
      throw new Refused("the destination's host '" + host + "' does not resolve");
    }
    if (!allowPrivate) {
      for (InetAddress a : all) {
        if (forbidden(a)) {
          throw new Refused(
              "refused: the destination's host '" + host + "' resolves to " + a.getHostAddress()
                  + ", a loopback, private, link-local or metadata address; destinations must be public"
                  + " (the demo and serve --allow-private-destinations allow them)");
        }
      }
    }
    return all[0];
  }

  /** Whether {@code host} is an address literal that the rule refuses (checked when a destination is saved). */
  public boolean refusesLiteral(String host) {
    if (allowPrivate || host == null) {
      return false;
    }
    String h =
        host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    boolean literal = h.contains(":") || h.matches("[0-9.]+");
    if (!literal) {
      return false; // a name is checked at each delivery, after it resolves
    }
    try {
      return forbidden(InetAddress.getByName(h));
    } catch (UnknownHostException e) {
      return false;
    }
  }

  static boolean forbidden(InetAddress a) {
    if (a.isLoopbackAddress()
        || a.isSiteLocalAddress()
        || a.isLinkLocalAddress()
        || a.isAnyLocalAddress()
        || a.isMulticastAddress()) {
      return true;
    }
    byte[] b = a.getAddress();
    if (a instanceof Inet4Address) {
      int b0 = b[0] & 0xff;
      int b1 = b[1] & 0xff;
      return b0 == 0 // "this network"
          || (b0 == 100 && b1 >= 64 && b1 < 128) // carrier-grade NAT 100.64.0.0/10
          || (b0 == 192 && b1 == 0 && (b[2] & 0xff) == 0) // IETF protocol assignments
          || (b0 == 198 && (b1 == 18 || b1 == 19)) // benchmarking 198.18.0.0/15
          || b0 >= 240; // reserved and broadcast
    }
    if (a instanceof Inet6Address) {
      if ((b[0] & 0xfe) == 0xfc) { // unique local fc00::/7 (AWS metadata fd00:ec2::254 too)
        return true;
      }
      boolean mapped = true; // ::ffff:a.b.c.d carries an IPv4 address
      for (int i = 0; i < 10; i++) {
        mapped &= b[i] == 0;
      }
      if (mapped && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff) {
        try {
          return forbidden(InetAddress.getByAddress(new byte[] {b[12], b[13], b[14], b[15]}));
        } catch (UnknownHostException e) {
          return true;
        }
      }
    }
    return false;
  }
}
