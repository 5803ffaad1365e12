package org.fieldaid.support;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Every table of a database with its row count and a checksum of its rows: SHA-256 of the sorted SHA-256 of each
 * row's values as text, so that the order the database returns rows in does not matter. Two databases with the
 * same map hold the same data.
 */
public final class TableChecksums {

    public record Table(long rows, String checksum) {
    }

    private TableChecksums() {
    }

    /** @param schema {@code PUBLIC} on H2, {@code public} on PostgreSQL */
    public static Map<String, Table> of(Connection connection, String schema) throws SQLException {
        Map<String, Table> tables = new TreeMap<>();
        for (String table : tables(connection, schema)) {
            tables.put(table.toLowerCase(), table(connection, schema, table));
        }
        return tables;
    }

    public static List<String> tables(Connection connection, String schema) throws SQLException {
        List<String> names = new ArrayList<>();
        try (ResultSet rs = connection.getMetaData().getTables(null, schema, "%", new String[] {"TABLE"})) {
            while (rs.next()) {
                names.add(rs.getString("TABLE_NAME"));
            }
        }
        return names;
    }

    private static Table table(Connection connection, String schema, String table) throws SQLException {
        List<String> rowHashes = new ArrayList<>();
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT * FROM " + schema + ".\"" + table + "\"")) {
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                StringBuilder row = new StringBuilder();
                for (int c = 1; c <= columns; c++) {
                    String value = rs.getString(c);
                    row.append(value == null ? "\u0000" : value).append('\u001f');
                }
                rowHashes.add(sha256(row.toString()));
            }
        }
        rowHashes.sort(null);
        return new Table(rowHashes.size(), sha256(String.join("\n", rowHashes)));
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
