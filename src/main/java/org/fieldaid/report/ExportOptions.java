package org.fieldaid.report;

/**
 * How the file is written.
 *
 * @param byteOrderMark start with a UTF-8 byte order mark, which some spreadsheet programs need to read UTF-8
 * @param hxlTags add a second header row of HXL hashtags
 * @param passphrase when not null, the CSV goes into a ZIP encrypted with AES-256 under this passphrase
 */
public record ExportOptions(boolean byteOrderMark, boolean hxlTags, String passphrase) {

    /** The shortest passphrase accepted; an export with personal data is only as safe as it. */
    public static final int MIN_PASSPHRASE = 12;

    /** The longest passphrase accepted: one that nobody can type again to open the file protects nothing. */
    public static final int MAX_PASSPHRASE = 256;

    public static ExportOptions plain() {
        return new ExportOptions(false, false, null);
    }

    public boolean encrypted() {
        return passphrase != null;
    }
}
