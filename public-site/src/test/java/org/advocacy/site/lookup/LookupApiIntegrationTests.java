package org.advocacy.site.lookup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** The JSON lookup API against the real roster and ZIP tables. */
@SpringBootTest
@AutoConfigureMockMvc
class LookupApiIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    ObjectMapper json;

    @Test
    void aSingleDistrictZipAnswersTheRepresentativeAndSenatorsInTheDocumentedShape() throws Exception {
        String body = mvc.perform(get("/api/v1/lookup").param("zip", "94110"))
            .andExpect(status().isOk())
            .andExpect(header().exists("ETag"))
            .andExpect(header().string("Cache-Control", Matchers.containsString("max-age=300")))
            .andReturn()
            .getResponse()
            .getContentAsString();
        JsonNode root = json.readTree(body);

        assertThat(root.propertyNames()).containsExactly("zip", "state", "split", "districts", "legislators");
        assertThat(root.path("zip").asString()).isEqualTo("94110");
        assertThat(root.path("state").asString()).isEqualTo("CA");
        assertThat(root.path("split").asBoolean()).isFalse();
        assertThat(root.path("districts").toString()).isEqualTo("[{\"state\":\"CA\",\"district\":11}]");
        JsonNode pelosi = root.path("legislators").get(0);
        assertThat(pelosi.propertyNames()).containsExactly("bioguideId", "name", "chamber", "state", "district",
                "party", "phone", "office", "url", "contactForm", "offices");
        assertThat(pelosi.path("bioguideId").asString()).isEqualTo("P000197");
        assertThat(pelosi.path("name").asString()).isEqualTo("Nancy Pelosi");
        assertThat(pelosi.path("chamber").asString()).isEqualTo("house");
        assertThat(pelosi.path("district").asInt()).isEqualTo(11);
        assertThat(pelosi.path("party").asString()).isEqualTo("Democrat");
        assertThat(pelosi.path("phone").asString()).matches("\\d{3}-\\d{3}-\\d{4}");
        assertThat(pelosi.path("offices").get(0).propertyNames()).containsExactly("city", "address", "zip", "phone");
        assertThat(root.path("legislators")).hasSize(3);
        assertThat(root.path("legislators").get(1).path("chamber").asString()).isEqualTo("senate");
        assertThat(root.path("legislators").get(1).path("district").isNull()).isTrue();
    }

    @Test
    void aSplitZipAcrossTwoStatesListsEveryCandidatesMemberAndNoSenators() throws Exception {
        mvc.perform(get("/api/v1/lookup").param("zip", "02861"))
            .andExpect(status().isOk())
            .andExpect(jsonPath("$.split").value(true))
            .andExpect(jsonPath("$.state").doesNotExist())
            .andExpect(jsonPath("$.districts.length()").value(2))
            .andExpect(jsonPath("$.legislators[*].bioguideId").value(Matchers.contains("A000148", "A000380")));

        mvc.perform(get("/api/v1/lookup").param("zip", "02861").param("district", "RI-1"))
            .andExpect(status().isOk())
            .andExpect(jsonPath("$.split").value(true))
            .andExpect(jsonPath("$.state").value("RI"))
            .andExpect(jsonPath("$.districts[0].district").value(1))
            .andExpect(
                    jsonPath("$.legislators[*].bioguideId").value(Matchers.contains("A000380", "R000122", "W000802")));
    }

    @Test
    void aSplitZipInOneStateListsTheCandidatesAndTheSenators() throws Exception {
        mvc.perform(get("/api/v1/lookup").param("zip", "10001"))
            .andExpect(status().isOk())
            .andExpect(jsonPath("$.state").value("NY"))
            .andExpect(jsonPath("$.legislators.length()").value(4))
            .andExpect(jsonPath("$.legislators[0].bioguideId").value("G000599"))
            .andExpect(jsonPath("$.legislators[1].bioguideId").value("N000002"));
    }

    @Test
    void dcHasItsDelegateOnlyAndAVacantSeatHasNoRepresentative() throws Exception {
        mvc.perform(get("/api/v1/lookup").param("zip", "20001"))
            .andExpect(jsonPath("$.legislators.length()").value(1))
            .andExpect(jsonPath("$.legislators[0].bioguideId").value("N000147"));
        mvc.perform(get("/api/v1/lookup").param("zip", "94541"))
            .andExpect(jsonPath("$.districts[0].district").value(14))
            .andExpect(jsonPath("$.legislators[*].chamber").value(Matchers.everyItem(Matchers.is("senate"))));
    }

    @Test
    void badInputIsRefusedWith400AndAJsonMessage() throws Exception {
        mvc.perform(get("/api/v1/lookup").param("zip", "12ab"))
            .andExpect(status().isBadRequest())
            .andExpect(jsonPath("$.error").value("A ZIP code is five digits, like 20002"));
        mvc.perform(get("/api/v1/lookup")).andExpect(status().isBadRequest()).andExpect(jsonPath("$.error").exists());
        mvc.perform(get("/api/v1/lookup").param("zip", "20500"))
            .andExpect(status().isBadRequest())
            .andExpect(jsonPath("$.error").value("No congressional district is known for ZIP code 20500"));
        mvc.perform(get("/api/v1/lookup").param("zip", "10001").param("district", "California-12"))
            .andExpect(status().isBadRequest());
        mvc.perform(get("/api/v1/lookup").param("zip", "10001").param("district", "CA-12"))
            .andExpect(status().isBadRequest())
            .andExpect(jsonPath("$.error").value(Matchers.startsWith("ZIP code 10001 does not lie in CA-12")));
    }

    @Test
    void anUnreachableGeocoderAnswers503SoTheClientCanOfferTheList() throws Exception {
        mvc.perform(get("/api/v1/lookup").param("zip", "10001").param("address", "1 W 34th St"))
            .andExpect(status().isServiceUnavailable())
            .andExpect(jsonPath("$.error").exists());
    }

    @Test
    void theETagIsStableAndAMatchingRequestGets304() throws Exception {
        String etag = mvc.perform(get("/api/v1/lookup").param("zip", "05401"))
            .andReturn()
            .getResponse()
            .getHeader("ETag");
        String again = mvc.perform(get("/api/v1/lookup").param("zip", "05401"))
            .andReturn()
            .getResponse()
            .getHeader("ETag");
        String other = mvc.perform(get("/api/v1/lookup").param("zip", "82001"))
            .andReturn()
            .getResponse()
            .getHeader("ETag");

        assertThat(etag).isEqualTo(again).isNotEqualTo(other).startsWith("\"r");
        mvc.perform(get("/api/v1/lookup").param("zip", "05401").header("If-None-Match", etag))
            .andExpect(status().isNotModified())
            .andExpect(header().string("ETag", etag));
    }

}
