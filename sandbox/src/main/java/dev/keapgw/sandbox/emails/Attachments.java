package dev.keapgw.sandbox.emails;

import com.fasterxml.jackson.databind.JsonNode;
import dev.keapgw.sandbox.http.ApiException;
import java.util.Locale;
import java.util.Set;

/**
 * Checks the attachments of {@code emails:send}: at most ten, each with a {@code file_name}
 * whose extension Keap accepts and {@code file_data} in Base64 of at most 1 MB once decoded.
 * The sandbox sends nothing, so attachments are checked and then dropped.
 */
final class Attachments {
  static final int MAX_COUNT = 10;
  static final int MAX_BYTES = 1024 * 1024;

  private static final Set<String> EXTENSIONS = Set.of(
      // images
      "bmp",
      "cdr",
      "fpx",
      "gif",
      "jif",
      "jiff",
      "jp2",
      "jpeg",
      "jpg",
      "jpx",
      "j2k",
      "pcd",
      "pdf",
      "png",
      "psd",
      "pspimage",
      "thm",
      "tif",
      "tiff",
      "yuv",
      // text and documents
      "doc",
      "docx",
      "err",
      "log",
      "msg",
      "notes",
      "pages",
      "pwd",
      "rtf",
      "text",
      "txt",
      "vcf",
      "wp",
      "wp4",
      "wp5",
      "wp7",
      "wpd",
      "wps",
      "wsd",
      "xdl",
      // audio and video
      "mid",
      "mp3",
      "mp4",
      "wav",
      "wma",
      "avi",
      "divx",
      "f4p",
      "flv",
      "gvi",
      "hdmov",
      "hdv",
      "m2ts",
      "m4v",
      "mnv",
      "mov",
      "movie",
      "mp4v",
      "mpeg",
      "mpeg1",
      "mpeg4",
      "mpg",
      "qt",
      "rm",
      "vob",
      "wm",
      "wmv",
      // data
      "csv",
      "ics",
      "key",
      "pps",
      "ppt",
      "pptx",
      "xlr",
      "xls",
      "xlsx",
      "xml",
      "zip");

  private Attachments() {}

  /** Returns how many attachments there are; anything wrong answers 400 naming the field. */
  static int check(JsonNode attachments) {
    if (attachments == null || attachments.isNull()) {
      return 0;
    }
    if (!attachments.isArray()) {
      throw bad("attachments", "attachments must be an array of {file_name, file_data}");
    }
    if (attachments.size() > MAX_COUNT) {
      throw bad(
          "attachments",
          "At most " + MAX_COUNT + " attachments can be sent, not " + attachments.size());
    }
    for (int i = 0; i < attachments.size(); i++) {
      checkOne(attachments.get(i), "attachments[" + i + "]");
    }
    return attachments.size();
  }

  private static void checkOne(JsonNode a, String at) {
    if (!a.isObject()) {
      throw bad(at, at + " must be an object with file_name and file_data");
    }
    String name = a.path("file_name").isTextual() ? a.get("file_name").asText().trim() : "";
    if (name.isEmpty()) {
      throw bad(at + ".file_name", at + ".file_name is required");
    }
    int dot = name.lastIndexOf('.');
    String ext = dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    if (!EXTENSIONS.contains(ext)) {
      throw bad(at + ".file_name", "attachment type is invalid: '" + name + "'");
    }
    String data = a.path("file_data").isTextual() ? a.get("file_data").asText() : "";
    if (data.isEmpty()) {
      throw bad(at + ".file_data", at + ".file_data is required");
    }
    byte[] bytes = EmailContent.decodeStrict(data)
        .orElseThrow(() -> bad(at + ".file_data", at + ".file_data must be Base64"));
    if (bytes.length > MAX_BYTES) {
      throw bad(
          at + ".file_data",
          "Each attachment can be at most 1 MB; " + name + " is " + bytes.length + " bytes");
    }
  }

  private static ApiException bad(String field, String message) {
    return ApiException.invalidField("email", field, message);
  }
}
