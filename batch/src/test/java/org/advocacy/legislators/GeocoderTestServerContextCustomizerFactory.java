package org.advocacy.legislators;

import java.util.Map;

import org.advocacy.testsupport.SharedServiceContextCustomizerFactory;

/**
 * Points every batch test context's geocoder at {@link GeocoderTestServer#shared()}.
 * Registered in this module's test META-INF/spring.factories.
 */
public class GeocoderTestServerContextCustomizerFactory extends SharedServiceContextCustomizerFactory {

    @Override
    protected Map<String, Object> properties() {
        return Map.of("advocacy.geocoder.base-url", GeocoderTestServer.shared().baseUrl());
    }

}
