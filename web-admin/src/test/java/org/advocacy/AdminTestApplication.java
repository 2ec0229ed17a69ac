package org.advocacy;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Boots this module with core for its own tests. */
@SpringBootApplication
public class AdminTestApplication {

}
