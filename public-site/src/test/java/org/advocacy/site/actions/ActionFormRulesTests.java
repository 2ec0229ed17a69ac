package org.advocacy.site.actions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import java.util.Map;

import org.advocacy.site.layout.FormErrors;
import org.advocacy.site.layout.FormValidation;
import org.advocacy.site.layout.StandaloneFormValidation;
import org.junit.jupiter.api.Test;

/**
 * The Bean Validation rules of the letter, call and direct-delivery address forms, as
 * {@link FormValidation} reports them: the field (the id the error summary links to), the
 * message key and its argument.
 */
class ActionFormRulesTests {

    private final FormValidation validation = StandaloneFormValidation.get();

    private static LetterForm letter(List<String> targets, String subject, Map<String, String> bodies,
            String delivery) {
        return new LetterForm("token", "05401", "VT-0", targets, subject, bodies, delivery, "");
    }

    @Test
    void aCompleteLetterPasses() {
        assertThat(
                validation.errors(letter(List.of("S000033"), " Fund it ", Map.of("S000033", "Dear Senator"), "MAILTO"))
                    .any())
            .isFalse();
    }

    @Test
    void aLetterWithNothingFilledInListsEveryProblemInTheOrderOfTheForm() {
        FormErrors errors = validation.errors(letter(List.of(), " ", Map.of(), "FAX"));
        assertThat(errors.all()).extracting(FormErrors.Error::field, FormErrors.Error::messageKey)
            .containsExactly(tuple("targets", "letter.error.no-target"),
                    tuple("subject", "letter.error.subject.required"),
                    tuple("delivery-MAILTO", "letter.error.delivery"));
    }

    @Test
    void eachChosenLegislatorNeedsALetterWithinTheLimitAndTheOthersAreNotChecked() {
        FormErrors errors = validation.errors(letter(List.of("S000033", "B001318", ""), "Subject",
                Map.of("S000033", "  \n ", "B001318", "x".repeat(LetterForm.MAX_BODY + 1), "W000800", ""), null));
        assertThat(errors.all()).extracting(FormErrors.Error::field, FormErrors.Error::messageKey)
            .containsExactly(tuple("body-S000033", "letter.error.body.required"),
                    tuple("body-B001318", "letter.error.body.too-long"),
                    tuple("delivery-MAILTO", "letter.error.delivery"));
        assertThat(errors.get("body-B001318").argument()).isEqualTo(LetterForm.MAX_BODY);
    }

    @Test
    void theLettersProblemsComeInTheOrderOfTheChosenLegislators() {
        List<String> chosen = List.of("Z000001", "A000001", "M000001", "B000001", "Y000001");
        List<String> fields = validation.errors(letter(chosen, "Subject", Map.of(), "MAILTO"))
            .all()
            .stream()
            .map(FormErrors.Error::field)
            .toList();
        assertThat(fields).containsExactlyElementsOf(chosen.stream().map(id -> "body-" + id).toList());
    }

    @Test
    void theCallersOwnCheckTakesItsFieldsPlace() {
        FormErrors errors = validation.errors(letter(List.of("X000001"), "", Map.of("X000001", "Hi"), "COPIED"),
                new FormErrors().reject("targets", "letter.error.unknown-target"));
        assertThat(errors.all()).extracting(FormErrors.Error::field, FormErrors.Error::messageKey)
            .containsExactly(tuple("targets", "letter.error.unknown-target"),
                    tuple("subject", "letter.error.subject.required"));
    }

    @Test
    void aSubjectLongerThanTheLimitSaysTheLimit() {
        FormErrors errors = validation.errors(letter(List.of("S000033"), "s".repeat(LetterForm.MAX_SUBJECT + 1),
                Map.of("S000033", "Dear Senator"), "CONTACT_FORM"));
        assertThat(errors.all())
            .extracting(FormErrors.Error::field, FormErrors.Error::messageKey, FormErrors.Error::argument)
            .containsExactly(tuple("subject", "form.error.too-long", LetterForm.MAX_SUBJECT));
    }

    @Test
    void aCallNeedsOneOfTheOutcomesReportedAtTheFirstOption() {
        for (String outcome : CallForm.OUTCOMES) {
            assertThat(validation.errors(new CallForm("t", null, null, 0, "S000033", outcome, "")).any()).isFalse();
        }
        for (String outcome : new String[] { null, "", "HUNG_UP", "talked_to_staff" }) {
            assertThat(validation.errors(new CallForm("t", null, null, 0, "S000033", outcome, "")).all())
                .extracting(FormErrors.Error::field, FormErrors.Error::messageKey)
                .containsExactly(tuple("outcome-TALKED_TO_STAFF", "call.error.outcome"));
        }
    }

    @Test
    void anAddressIsOnlyCheckedForDirectDelivery() {
        CwcAddressForm blank = new CwcAddressForm(null, null, null, null, null, null, null);
        assertThat(blank.declined()).isTrue();
        assertThat(validation.errors(blank).any()).isFalse();
        assertThat(validation.errors(blank, new FormErrors(), CwcAddressForm.Direct.class).all())
            .extracting(FormErrors.Error::field, FormErrors.Error::messageKey)
            .containsExactly(tuple("cwcPrefix", "cwc.error.prefix"), tuple("cwcFirstName", "cwc.error.cwcFirstName"),
                    tuple("cwcLastName", "cwc.error.cwcLastName"), tuple("cwcAddress1", "cwc.error.cwcAddress1"),
                    tuple("cwcCity", "cwc.error.cwcCity"), tuple("cwcZip", "cwc.error.zip"));
    }

    @Test
    void aDirectDeliveryAddressIsKeptWithSingleSpacesAndChecksItsLimitsAndPrefix() {
        CwcAddressForm address = new CwcAddressForm("Sir", "  Ada   Mary ", "L".repeat(CwcAddressForm.MAX_NAME + 1),
                "1 Main  St", "A".repeat(CwcAddressForm.MAX_ADDRESS + 1), "Burlington", " 0540 ");
        assertThat(address.cwcFirstName()).isEqualTo("Ada Mary");
        assertThat(address.cwcZip()).isEqualTo("0540");
        FormErrors errors = validation.errors(address, new FormErrors(), CwcAddressForm.Direct.class);
        assertThat(errors.all()).extracting(FormErrors.Error::field, FormErrors.Error::messageKey)
            .containsExactly(tuple("cwcPrefix", "cwc.error.prefix"), tuple("cwcLastName", "form.error.too-long"),
                    tuple("cwcAddress2", "form.error.too-long"), tuple("cwcZip", "cwc.error.zip"));
        assertThat(errors.get("cwcLastName").argument()).isEqualTo(CwcAddressForm.MAX_NAME);
        assertThat(errors.get("cwcAddress2").argument()).isEqualTo(CwcAddressForm.MAX_ADDRESS);
        assertThat(validation
            .errors(new CwcAddressForm("Dr.", "Ada", "Lovelace", "1 Main St", "", "Burlington", "05401"),
                    new FormErrors(), CwcAddressForm.Direct.class)
            .any()).isFalse();
    }

}
