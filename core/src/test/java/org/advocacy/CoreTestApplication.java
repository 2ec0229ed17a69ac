package org.advocacy;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Boots the core module alone for its own tests. Not part of the shared test jar. */
@SpringBootApplication
public class CoreTestApplication {

}
