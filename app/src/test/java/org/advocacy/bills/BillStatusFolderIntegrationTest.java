package org.advocacy.bills;

import java.nio.file.Path;

import org.springframework.boot.test.context.SpringBootTest;

/**
 * The whole application reading Bill Status files from one local folder
 * ({@link BillStatusFolder}, set for every context of the app's tests, so these classes
 * share the default context), with nothing on a schedule (the tests run the sync
 * themselves).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
abstract class BillStatusFolderIntegrationTest {

    static final Path FOLDER = BillStatusFolder.FOLDER;

}
