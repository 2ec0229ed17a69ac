package org.advocacy.site.actions;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.advocacy.cwc.CwcLetters;
import org.advocacy.cwc.CwcVocabulary;
import org.advocacy.cwc.DeliveryState;
import org.advocacy.cwc.QueuedLetter;
import org.advocacy.legislators.DistrictRef;
import org.advocacy.legislators.Legislator;
import org.advocacy.legislators.LegislatorLookup;
import org.advocacy.legislators.LookupException;
import org.advocacy.legislators.LookupService;
import org.advocacy.site.layout.FormErrors;
import org.advocacy.site.layout.FormValidation;
import org.advocacy.supporters.ActionType;
import org.advocacy.supporters.DeliveryMethod;
import org.advocacy.supporters.NewAction;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * The letter action's direct delivery: which targets can receive CWC, the address fields
 * and their checks (the address must lie in the supporter's district: the Census geocoder
 * settles a ZIP split between districts, and when it cannot be reached the ZIP must lie
 * in the district), and the hand-over to the outbox. Kept apart from
 * {@link LetterController}, which calls it at three points.
 */
@Component
class CwcLetterDelivery {

    private final CwcLetters letters;

    private final LookupService lookups;

    private final FormValidation validation;

    CwcLetterDelivery(CwcLetters letters, LookupService lookups, FormValidation validation) {
        this.letters = letters;
        this.lookups = lookups;
        this.validation = validation;
    }

    /**
     * Bioguide id to office code, for the targets that can receive CWC now; empty when
     * CWC is off.
     */
    Map<String, String> offices(ActionContext context) {
        Map<String, String> offices = new LinkedHashMap<>();
        if (!letters.enabled()) {
            return offices;
        }
        for (Legislator target : context.targets()) {
            letters.officeCode(target).ifPresent(code -> offices.put(target.getBioguideId(), code));
        }
        return offices;
    }

    void addToModel(ActionContext context, CwcAddressForm address, Model model) {
        Map<String, String> offices = offices(context);
        model.addAttribute("cwcOffices", offices);
        model.addAttribute("cwcAddress", address);
        model.addAttribute("cwcPrefixes", CwcVocabulary.PREFIXES);
        model.addAttribute("cwcState", context.district().state());
    }

    /**
     * Address errors, when the supporter gave an address and at least one chosen target
     * takes CWC: the form's rules ({@link CwcAddressForm.Direct}), then, when those and
     * the letter's hold, that the address lies in the supporter's district.
     */
    FormErrors validate(ActionContext context, LetterForm form, CwcAddressForm a, boolean letterValid) {
        Map<String, String> offices = offices(context);
        if (a.declined() || form.chosenTargets().stream().noneMatch(offices::containsKey)) {
            return new FormErrors();
        }
        FormErrors errors = validation.errors(a, new FormErrors(), CwcAddressForm.Direct.class);
        if (letterValid && !errors.any()) {
            inDistrict(context.district(), a.cwcZip(),
                    a.cwcAddress1() + ", " + a.cwcCity() + ", " + context.district().state())
                .ifPresent(key -> errors.reject("cwcAddress1", key));
        }
        return errors;
    }

    /** Empty when the address is in the district, else the message key saying why not. */
    private Optional<String> inDistrict(DistrictRef district, String zip, String street) {
        try {
            LegislatorLookup found = lookups.lookup(zip, street);
            return district.equals(found.district()) ? Optional.empty() : Optional.of("cwc.error.not-in-district");
        }
        catch (LookupException e) {
            return switch (e.reason()) {
                case GEOCODER_UNAVAILABLE ->
                    zipInDistrict(zip, district) ? Optional.empty() : Optional.of("cwc.error.not-in-district");
                case ADDRESS_NOT_FOUND -> Optional.of("cwc.error.address-not-found");
                default -> Optional.of("cwc.error.not-in-district");
            };
        }
    }

    private boolean zipInDistrict(String zip, DistrictRef district) {
        try {
            return lookups.lookup(zip).candidates().stream().anyMatch(c -> c.district().equals(district));
        }
        catch (LookupException e) {
            return false;
        }
    }

    /**
     * Records and queues the letters to CWC offices; returns bioguide id to delivery row.
     * Nothing when the supporter declined to give an address.
     */
    Map<String, Long> queue(ActionContext context, LetterForm form, CwcAddressForm a, String subject,
            boolean settleSeat) {
        Map<String, String> offices = offices(context);
        Map<String, Long> queued = new LinkedHashMap<>();
        if (a.declined()) {
            return queued;
        }
        List<String> bioguideIds = new ArrayList<>();
        List<CwcLetters.Letter> batch = new ArrayList<>();
        DistrictRef district = context.district();
        for (String bioguideId : form.chosenTargets()) {
            String office = offices.get(bioguideId);
            Legislator legislator = context.target(bioguideId).orElse(null);
            if (office == null || legislator == null) {
                continue;
            }
            String body = form.body(bioguideId).strip();
            boolean edited = !normalise(body)
                .equals(normalise(context.fill(context.templates().letterTemplate(), legislator)));
            String key = "letter:" + form.formToken() + ":" + bioguideId;
            batch.add(new CwcLetters.Letter(
                    new NewAction(context.supporter().id(), context.campaign().getId(), ActionType.LETTER, bioguideId,
                            DeliveryMethod.CWC, null, district.state(), district.district(), key),
                    new QueuedLetter(key, context.campaign().getId(), context.supporter().id(), bioguideId, office,
                            a.cwcPrefix(), a.cwcFirstName(), a.cwcLastName(), a.cwcAddress1(),
                            blankToNull(a.cwcAddress2()), a.cwcCity(), district.state(), a.cwcZip(),
                            district.district(), context.supporter().email(), subject, body, edited)));
            bioguideIds.add(bioguideId);
        }
        if (batch.isEmpty()) {
            return queued;
        }
        List<Long> ids = letters.queue(batch, settleSeat);
        for (int i = 0; i < ids.size(); i++) {
            queued.put(bioguideIds.get(i), ids.get(i));
        }
        return queued;
    }

    Map<Long, DeliveryState> states(Map<String, Long> deliveries) {
        return deliveries.isEmpty() ? Map.of() : letters.states(deliveries.values());
    }

    /**
     * Bioguide id to the state's name (PENDING, DELIVERED...), for the confirmation page.
     */
    static Map<String, String> statesByMember(Map<String, Long> deliveries, Map<Long, DeliveryState> states) {
        Map<String, String> byMember = new LinkedHashMap<>();
        deliveries.forEach((bioguideId, id) -> {
            DeliveryState state = states.get(id);
            if (state != null) {
                byMember.put(bioguideId, state == DeliveryState.SENDING ? DeliveryState.PENDING.name() : state.name());
            }
        });
        return byMember;
    }

    boolean enabled() {
        return letters.enabled();
    }

    /** Line endings and trailing spaces differ between browsers; they are not an edit. */
    static String normalise(String text) {
        return text.replace("\r\n", "\n").replaceAll("[ \\t]+\\n", "\n").strip();
    }

    private static @Nullable String blankToNull(String value) {
        return value.isEmpty() ? null : value;
    }

}
