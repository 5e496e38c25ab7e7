package org.yizhan.geo.exchange;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Register rows from the first sheet of an {@code .xlsx} file, streamed by {@link XlsxSheet}. */
final class XlsxRowSource extends TabularSource {

  private final XlsxSheet sheet;

  XlsxRowSource(Path file) throws IOException {
    sheet = new XlsxSheet(file);
    try {
      readHeader();
    } catch (IOException | RuntimeException e) {
      sheet.close();
      throw e;
    }
  }

  @Override
  @Nullable Line readLine() {
    List<String> cells = sheet.nextRow();
    return cells == null ? null : new Line(sheet.rowNumber(), cells);
  }

  @Override
  public void close() throws IOException {
    sheet.close();
  }
}
