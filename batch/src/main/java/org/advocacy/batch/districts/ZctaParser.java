package org.advocacy.batch.districts;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import org.advocacy.legislators.ZctaDistrict;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.file.FlatFileItemReader;
import org.springframework.batch.infrastructure.item.file.FlatFileParseException;
import org.springframework.batch.infrastructure.item.file.builder.FlatFileItemReaderBuilder;
import org.springframework.batch.infrastructure.item.file.separator.RecordSeparatorPolicy;
import org.springframework.batch.infrastructure.item.file.transform.IncorrectTokenCountException;
import org.springframework.core.io.ByteArrayResource;

/**
 * Reads the ZCTA-to-district CSV ({@code state_fips,state_abbr,zcta,cd}, CRLF or LF line
 * endings, blank lines ignored) with Spring Batch's {@link FlatFileItemReader}. A row
 * that does not parse fails the file with its line number. The whole file is read before
 * anything is applied, because the import applies only the differences between the file
 * and the table, in one transaction.
 */
final class ZctaParser {

    static final String HEADER = "state_fips,state_abbr,zcta,cd";

    private ZctaParser() {
    }

    static List<ZctaDistrict> parse(byte[] bytes) {
        AtomicReference<String> header = new AtomicReference<>("");
        FlatFileItemReader<ZctaDistrict> reader = new FlatFileItemReaderBuilder<ZctaDistrict>().name("zcta")
            .resource(new ByteArrayResource(bytes))
            .encoding("UTF-8")
            .linesToSkip(1)
            .skippedLinesCallback(header::set)
            .recordSeparatorPolicy(new SkipBlankLines())
            .delimited()
            .names("state_fips", "state_abbr", "zcta", "cd")
            .fieldSetMapper(fields -> new ZctaDistrict(fields.readString("zcta"), fields.readString("state_abbr"),
                    Integer.parseInt(fields.readString("cd"))))
            .saveState(false)
            .build();
        List<ZctaDistrict> rows = new ArrayList<>();
        reader.open(new ExecutionContext());
        try {
            if (!header.get().replace("\uFEFF", "").strip().equals(HEADER)) {
                throw new ZctaFileException("The ZIP-to-district file does not start with the header " + HEADER);
            }
            for (ZctaDistrict row = reader.read(); row != null; row = reader.read()) {
                rows.add(row);
            }
        }
        catch (FlatFileParseException e) {
            throw new ZctaFileException(describe(e));
        }
        catch (ZctaFileException e) {
            throw e;
        }
        catch (Exception e) {
            throw new ZctaFileException("The ZIP-to-district file could not be read: " + e.getMessage());
        }
        finally {
            reader.close();
        }
        if (rows.isEmpty()) {
            throw new ZctaFileException("The ZIP-to-district file has no rows");
        }
        return rows;
    }

    private static String describe(FlatFileParseException e) {
        String line = "Line " + e.getLineNumber() + " of the ZIP-to-district file";
        if (e.getCause() instanceof IncorrectTokenCountException count) {
            return line + " has " + count.getActualCount() + " columns, not " + count.getExpectedCount();
        }
        return line + ": " + (e.getCause() == null ? e.getMessage() : e.getCause().getMessage());
    }

    /**
     * A blank line is no record: it joins the next line, and blank lines at the end of
     * the file end it.
     */
    private static final class SkipBlankLines implements RecordSeparatorPolicy {

        @Override
        public boolean isEndOfRecord(String record) {
            return !record.isBlank();
        }

        @Override
        @SuppressWarnings("NullAway")
        public String postProcess(String record) {
            // Only blank at the end of the file; null tells the reader there are no more
            // records.
            return record.isBlank() ? null : record;
        }

        @Override
        public String preProcess(String record) {
            return record.isBlank() ? "" : record;
        }

    }

    static final class ZctaFileException extends RuntimeException {

        ZctaFileException(String message) {
            super(message);
        }

    }

}
