package org.yizhan.geo.exchange;

import java.io.Closeable;
import java.io.IOException;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** A file format's way of producing raw rows one at a time. */
interface RowSource extends Closeable {

    /** The next non-blank data row, or {@code null} at the end. */
    @Nullable
    RawRow next() throws IOException;

    /** Headers (or GeoJSON property names) that name no register column, as written. */
    List<String> unknownHeaders();
}
