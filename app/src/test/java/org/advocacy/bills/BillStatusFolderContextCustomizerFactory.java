package org.advocacy.bills;

import java.util.Map;

import org.advocacy.testsupport.SharedServiceContextCustomizerFactory;

/**
 * Points every application context of the app's tests at {@link BillStatusFolder}, so the
 * bill tests, which write their bills' files there, share the context of the other tests
 * instead of starting one of their own; no other test reads Bill Status files. Registered
 * in META-INF/spring.factories of the app's tests.
 */
public class BillStatusFolderContextCustomizerFactory extends SharedServiceContextCustomizerFactory {

    @Override
    protected Map<String, Object> properties() {
        return Map.of("advocacy.bills.status-url", BillStatusFolder.statusUrl());
    }

}
