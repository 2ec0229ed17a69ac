package org.advocacy.admin.deliveries.ui;

import java.util.LinkedHashSet;
import java.util.List;

import org.advocacy.admin.ui.ConsoleFormat;
import org.advocacy.admin.ui.ConsoleUi;
import org.advocacy.cwc.CwcDeliveries;
import org.advocacy.cwc.CwcDeliveries.Counts;
import org.advocacy.cwc.CwcDeliveries.Problem;
import org.advocacy.cwc.CwcVocabulary;
import org.advocacy.cwc.DeliveryState;
import org.jspecify.annotations.Nullable;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;

import jakarta.annotation.security.RolesAllowed;

/**
 * Letters delivered to congressional offices through CWC: counts by state for each
 * campaign and, for the chosen campaign, each office; below, every failed or in-doubt
 * letter in plain words with what to do, and what the CWC service said behind "Details".
 * Organisers may send a temporarily failed letter again, or record that an in-doubt
 * letter arrived; both are audited.
 */
@Route("deliveries")
@PageTitle("Deliveries · Advocacy console")
@Menu(order = 45, icon = "vaadin:paperplane", title = "Deliveries")
@RolesAllowed({ "ADMIN", "ORGANIZER", "VIEWER" })
class DeliveriesView extends VerticalLayout {

    private final CwcDeliveries deliveries;

    private final boolean canEdit;

    private final ComboBox<Counts> campaign = new ComboBox<>("Campaign");

    private final Grid<Counts> campaigns = countsGrid("Campaign");

    private final Grid<Counts> offices = countsGrid("Office");

    private final Grid<Problem> problems = new Grid<>();

    private final MultiSelectComboBox<String> topics = new MultiSelectComboBox<>("Library of Congress topics");

    private final Button saveTopics = new Button("Save topics");

    private @Nullable String office;

    DeliveriesView(CwcDeliveries deliveries, AuthenticationContext authentication) {
        this.deliveries = deliveries;
        this.canEdit = ConsoleUi.canEdit(authentication);
        setSizeFull();
        add(new H1("Deliveries"), new Paragraph("Letters supporters asked us to deliver straight into a congressional "
                + "office through Communicating with Congress. Queued letters wait for the sender; in doubt means the "
                + "connection broke after the letter left, so it may have arrived and is never sent again by itself."));

        campaign.setItemLabelGenerator(Counts::label);
        campaign.setClearButtonVisible(true);
        campaign.setPlaceholder("All campaigns");
        campaign.addValueChangeListener(e -> {
            office = null;
            showTopics();
            refresh();
        });
        topics.setItems(CwcVocabulary.TOPICS);
        topics.setWidth("36rem");
        topics.setHelperText(
                "Every letter of the campaign carries these topics. None chosen: " + CwcVocabulary.DEFAULT_TOPIC + ".");
        saveTopics.addClickListener(e -> {
            String slug = slug();
            if (slug != null
                    && ConsoleUi.attempt(() -> deliveries.chooseTopics(slug, List.copyOf(topics.getValue())))) {
                ConsoleUi.success("Topics saved.");
            }
        });
        saveTopics.setEnabled(canEdit);
        topics.setReadOnly(!canEdit);
        showTopics();
        offices.addItemClickListener(e -> {
            office = e.getItem().key();
            problems.getDataProvider().refreshAll();
        });
        offices.setEmptyStateText("No letters have been queued for delivery yet.");
        campaigns.setEmptyStateText("No letters have been queued for delivery yet.");

        problems.addColumn(Problem::campaign).setHeader("Campaign").setFlexGrow(2);
        problems.addColumn(p -> p.member() + " (" + p.office() + ")").setHeader("Member of Congress").setFlexGrow(2);
        problems.addColumn(p -> state(p.state())).setHeader("State");
        problems.addColumn(Problem::attempts).setHeader("Tries");
        problems.addComponentColumn(DeliveriesView::whatWentWrong).setHeader("What went wrong").setFlexGrow(4);
        problems.addColumn(p -> ConsoleFormat.current().when(p.createdAt())).setHeader("Queued").setAutoWidth(true);
        problems.addComponentColumn(this::actions).setHeader("").setFlexGrow(2);
        problems.setEmptyStateText("No failed or in-doubt letters.");
        problems.setItems(query -> deliveries.problems(slug(), office, query.getOffset(), query.getLimit()).stream(),
                query -> deliveries.countProblems(slug(), office));
        problems.setSizeFull();

        HorizontalLayout topicRow = new HorizontalLayout(topics, saveTopics);
        topicRow.setAlignItems(Alignment.BASELINE);
        add(new H2("By campaign"), campaigns, campaign, topicRow, new H2("By office (click one to filter)"), offices,
                new H2("Failed and in doubt"), problems);
        refresh();
    }

    void refresh() {
        List<Counts> all = deliveries.byCampaign();
        campaigns.setItems(all);
        Counts chosen = campaign.getValue();
        campaign.setItems(all);
        if (chosen != null) {
            all.stream().filter(c -> c.key().equals(chosen.key())).findFirst().ifPresent(campaign::setValue);
        }
        offices.setItems(deliveries.byOffice(slug()));
        problems.getDataProvider().refreshAll();
    }

    private void showTopics() {
        String slug = slug();
        topics.setVisible(slug != null);
        saveTopics.setVisible(slug != null);
        if (slug != null) {
            topics.setValue(new LinkedHashSet<>(deliveries.topics(slug)));
        }
    }

    private @Nullable String slug() {
        Counts chosen = campaign.getValue();
        return chosen == null ? null : chosen.key();
    }

    private Component actions(Problem problem) {
        HorizontalLayout actions = new HorizontalLayout();
        if (!canEdit) {
            return actions;
        }
        if (problem.canRetry()) {
            Button retry = new Button("Send again", e -> {
                if (ConsoleUi.attempt(() -> deliveries.retry(problem.id()))) {
                    ConsoleUi.success("The letter is queued again.");
                }
                refresh();
            });
            retry.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
            actions.add(retry);
        }
        if (problem.state() == DeliveryState.IN_DOUBT) {
            Button delivered = new Button("Mark as delivered by hand",
                    e -> ConsoleUi.confirm("Mark this letter as delivered?",
                            "Do this only after the office of " + problem.member()
                                    + " confirmed it has the letter. It will "
                                    + "count as delivered and will not be sent again.",
                            "Mark as delivered", () -> {
                                if (ConsoleUi.attempt(() -> deliveries.markDeliveredByHand(problem.id()))) {
                                    ConsoleUi.success("Recorded as delivered.");
                                }
                                refresh();
                            }));
            delivered.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
            actions.add(delivered);
        }
        return actions;
    }

    private static Component whatWentWrong(Problem problem) {
        String words = failureWords(problem);
        Span text = new Span(words);
        text.getStyle().set("white-space", "normal");
        HorizontalLayout cell = new HorizontalLayout(text);
        cell.setPadding(false);
        if (problem.error() != null && !problem.error().isBlank()) {
            Button details = new Button("Details",
                    e -> ConsoleUi
                        .details("What the " + chamber(problem.office()) + " system said", words, problem.error())
                        .open());
            details.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
            cell.add(details);
        }
        return cell;
    }

    /**
     * A failed or in-doubt letter in plain words with what to do; the CWC service's own
     * text (which may be long or technical) is behind "Details".
     */
    static String failureWords(Problem problem) {
        String chamber = chamber(problem.office());
        if (problem.state() == DeliveryState.IN_DOUBT) {
            return "The connection to the " + chamber + " system broke after the letter left, so the office may "
                    + "already have it. It is not sent again by itself: ask the office of " + problem.member()
                    + " whether it arrived, then mark it as delivered by hand.";
        }
        if (problem.state() == DeliveryState.FAILED && !problem.retryable()) {
            String first = problem.error() == null ? ""
                    : problem.error().strip().lines().findFirst().orElse("").strip();
            return "The office's system refused this letter" + (first.isEmpty() ? "" : ": " + first)
                    + (first.endsWith(".") || first.isEmpty() ? "" : ".") + " Correct the campaign (text or topics) "
                    + "or ask the supporter to send it again with corrected details; this letter is not sent again.";
        }
        if (problem.state() == DeliveryState.FAILED) {
            return "Could not reach the " + chamber + " system after "
                    + ConsoleFormat.count(problem.attempts(), "try", "tries") + ". "
                    + (problem.canRetry() ? "Use Send again to try once more, or wait and try later."
                            : "The supporter's address is no longer held, so it cannot be sent again.");
        }
        return "Could not reach the " + chamber + " system; it will be retried.";
    }

    /** House offices start with H (HVT00), Senate offices with S (SVT01). */
    private static String chamber(String office) {
        return office.startsWith("S") ? "Senate" : "House";
    }

    static String state(DeliveryState state) {
        return switch (state) {
            case PENDING -> "Queued";
            case SENDING -> "Being sent";
            case DELIVERED -> "Delivered";
            case FAILED -> "Failed";
            case IN_DOUBT -> "In doubt";
        };
    }

    private static Grid<Counts> countsGrid(String header) {
        Grid<Counts> grid = new Grid<>();
        grid.addColumn(Counts::label).setHeader(header).setFlexGrow(3);
        grid.addColumn(Counts::delivered).setHeader("Delivered");
        grid.addColumn(c -> c.pending() + c.sending()).setHeader("Queued");
        grid.addColumn(Counts::failed).setHeader("Failed");
        grid.addColumn(Counts::inDoubt).setHeader("In doubt");
        grid.setAllRowsVisible(true);
        return grid;
    }

}
