package org.advocacy.admin.stories.ui;

import org.advocacy.admin.ui.ConsoleFormat;
import org.advocacy.admin.ui.ConsoleUi;
import org.advocacy.stories.Attribution;
import org.advocacy.stories.Story;
import org.advocacy.stories.StoryConsent;
import org.advocacy.stories.StoryModerationService;
import org.advocacy.stories.StoryStatus;
import org.jspecify.annotations.Nullable;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;

import jakarta.annotation.security.RolesAllowed;

/**
 * Survivors' stories awaiting review and already handled. Each story shows exactly what
 * its submitter consented to and when; moderators redact and edit, then approve and
 * publish.
 */
@Route("stories")
@PageTitle("Stories · Advocacy console")
@Menu(order = 30, icon = "vaadin:book", title = "Stories")
@RolesAllowed({ "ADMIN", "ORGANIZER", "VIEWER" })
class StoryModerationView extends VerticalLayout implements BeforeEnterObserver {

    static final String ALL = "ALL";

    private final StoryModerationService moderation;

    private final boolean editable;

    private final Grid<Story> queue = new Grid<>(Story.class, false);

    private final VerticalLayout detail = new VerticalLayout();

    private final Select<String> status = new Select<>();

    StoryModerationView(StoryModerationService moderation, AuthenticationContext authentication) {
        this.moderation = moderation;
        this.editable = ConsoleUi.canEdit(authentication);
        setWidthFull();
        status.setLabel("Show");
        status.setItems(ALL, StoryStatus.SUBMITTED.name(), StoryStatus.APPROVED.name(), StoryStatus.PUBLISHED.name(),
                StoryStatus.UNPUBLISHED.name(), StoryStatus.WITHDRAWN.name(), StoryStatus.REMOVED.name());
        status.setItemLabelGenerator(
                code -> ALL.equals(code) ? "All stories" : ConsoleFormat.current().words(StoryStatus.valueOf(code)));
        status.setValue(StoryStatus.SUBMITTED.name());
        status.addValueChangeListener(e -> queue.getDataProvider().refreshAll());

        queue.addColumn(s -> ConsoleFormat.current().when(s.getSubmittedAt()))
            .setHeader("Submitted")
            .setAutoWidth(true);
        queue.addColumn(Story::getTitle).setHeader("Title").setFlexGrow(2);
        queue.addColumn(s -> ConsoleFormat.current().words(s.getStatus())).setHeader("Status").setAutoWidth(true);
        queue.addColumn(s -> consentSummary(s.currentConsent().orElse(null))).setHeader("Consent now").setFlexGrow(2);
        queue.setItems(query -> moderation.queue(filter(), query.getOffset(), query.getLimit()).stream(),
                query -> (int) moderation.count(filter()));
        queue.getLazyDataView().setIdentifierProvider(Story::getId);
        queue.setEmptyStateText("No stories with this status.");
        queue.setHeight("22rem");
        queue.asSingleSelect().addValueChangeListener(e -> show(e.getValue()));
        detail.setPadding(false);
        add(new H1("Stories"), status, queue, detail);
    }

    /** {@code ?id=<id>} opens one record directly (see {@link ConsoleUi#requestedId}). */
    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        ConsoleUi.requestedId(event).flatMap(moderation::find).ifPresent(this::show);
    }

    private @Nullable StoryStatus filter() {
        return ALL.equals(status.getValue()) || status.getValue() == null ? null
                : StoryStatus.valueOf(status.getValue());
    }

    private void show(@Nullable Story selected) {
        detail.removeAll();
        if (selected == null) {
            return;
        }
        Story story = moderation.find(selected.getId()).orElse(null);
        if (story == null) {
            detail.add(ConsoleUi.emptyState("This story no longer exists."));
            return;
        }
        H2 heading = new H2(story.getTitle());
        Span badge = new Span(ConsoleFormat.current().words(story.getStatus()));
        badge.getElement()
            .getThemeList()
            .add(story.getStatus() == StoryStatus.WITHDRAWN || story.getStatus() == StoryStatus.REMOVED ? "badge error"
                    : "badge");
        detail.add(heading, badge);
        if (story.getStatus() == StoryStatus.WITHDRAWN) {
            detail.add(new Paragraph("The submitter withdrew their consent. This story cannot be published again."));
        }

        Grid<StoryConsent> consents = new Grid<>(StoryConsent.class, false);
        consents.addColumn(c -> ConsoleFormat.current().when(c.getRecordedAt())).setHeader("Given").setAutoWidth(true);
        consents.addColumn(c -> yes(c.isPublishOnSite())).setHeader("Publish on site");
        consents.addColumn(c -> yes(c.isShareWithOffices())).setHeader("Share with offices");
        consents.addColumn(c -> yes(c.isShareWithPress())).setHeader("Share with press");
        consents
            .addColumn(c -> c.getWithdrawnAt() == null ? "In force"
                    : "Withdrawn " + ConsoleFormat.current().when(c.getWithdrawnAt()))
            .setHeader("Withdrawn")
            .setAutoWidth(true);
        consents.addColumn(StoryConsent::getRecordedBy).setHeader("Recorded by");
        consents.addColumn(c -> c.getNote() == null ? "" : c.getNote()).setHeader("Note");
        consents.setItems(story.getConsentHistory());
        consents.setAllRowsVisible(true);
        consents.setEmptyStateText("No consent was recorded.");
        detail.add(new H3("Consent history"), consents);

        boolean open = story.getStatus() != StoryStatus.WITHDRAWN && story.getStatus() != StoryStatus.REMOVED;
        TextField title = new TextField("Title");
        title.setValue(story.getTitle());
        title.setWidthFull();
        title.setMaxLength(200);
        Select<Attribution> attribution = new Select<>();
        attribution.setLabel("Credit");
        attribution.setItems(Attribution.values());
        attribution.setItemLabelGenerator(ConsoleFormat.current()::words);
        attribution.setValue(story.getAttribution());
        TextField displayName = new TextField("Display name");
        displayName.setValue(story.getDisplayName() == null ? "" : story.getDisplayName());
        TextField warning = new TextField("Content warning");
        warning.setValue(story.getContentWarning() == null ? "" : story.getContentWarning());
        warning.setWidthFull();
        TextArea body = new TextArea("Story");
        body.setValue(story.getBody());
        body.setWidthFull();
        body.setMinHeight("14rem");
        boolean readOnly = !editable || !open;
        title.setReadOnly(readOnly);
        attribution.setReadOnly(readOnly);
        displayName.setReadOnly(readOnly);
        warning.setReadOnly(readOnly);
        body.setReadOnly(readOnly);
        detail.add(new H3("Text"), title, new HorizontalLayout(attribution, displayName), warning, body);

        if (!editable) {
            return;
        }
        if (open) {
            TextField redact = new TextField("Redact everywhere");
            redact.setHelperText("A name, place or case number: every occurrence in the title, story and display "
                    + "name becomes [redacted].");
            redact.setWidth("24rem");
            Button redactButton = new Button("Redact", e -> {
                int[] count = new int[1];
                if (ConsoleUi.attempt(() -> count[0] = moderation.redact(story.getId(), redact.getValue()))) {
                    ConsoleUi.success(
                            count[0] == 0 ? "Not found in this story." : "Redacted " + count[0] + " occurrence(s).");
                    reselect(story);
                }
            });
            HorizontalLayout redactRow = new HorizontalLayout(redact, redactButton);
            redactRow.setAlignItems(FlexComponent.Alignment.BASELINE);
            Button save = new Button("Save edits", e -> {
                if (ConsoleUi.attempt(() -> moderation.edit(story.getId(), title.getValue(), body.getValue(),
                        attribution.getValue(), displayName.getValue(), warning.getValue()))) {
                    ConsoleUi.success("Story saved.");
                    reselect(story);
                }
            });
            Button approve = new Button("Approve",
                    e -> act(story, () -> moderation.approve(story.getId()), "Approved."));
            Button publish = new Button("Publish",
                    e -> act(story, () -> moderation.publish(story.getId()), "Published on the site."));
            publish.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            publish.setEnabled(story.mayBePublished() && story.getStatus() != StoryStatus.PUBLISHED);
            if (!story.mayBePublished()) {
                publish.setTooltipText("The submitter's consent does not cover publication on the site.");
            }
            Button unpublish = new Button("Unpublish",
                    e -> ConsoleUi.confirm("Unpublish this story?", "It leaves the public site at once.", "Unpublish",
                            () -> act(story, () -> moderation.unpublish(story.getId()), "Unpublished.")));
            unpublish.setEnabled(story.getStatus() == StoryStatus.PUBLISHED);
            detail.add(redactRow, new HorizontalLayout(save, approve, publish, unpublish));
        }
        if (story.getStatus() != StoryStatus.REMOVED) {
            Button remove = new Button("Remove story",
                    e -> ConsoleUi.confirm("Remove this story for good?",
                            "Its text is wiped and cannot be recovered. The consent history is kept.", "Remove",
                            () -> act(story, () -> moderation.remove(story.getId()), "Story removed.")));
            remove.addThemeVariants(ButtonVariant.LUMO_ERROR);
            detail.add(remove);
        }
    }

    private void act(Story story, Runnable action, String done) {
        if (ConsoleUi.attempt(action)) {
            ConsoleUi.success(done);
        }
        reselect(story);
    }

    /**
     * Refreshes the list and keeps the open story in it: when an action moved the story
     * out of the status shown (an approved story leaves "Waiting for review"), the list
     * switches to its new status so the detail on screen always belongs to a row that is
     * selected in the list.
     */
    private void reselect(Story story) {
        Story now = moderation.find(story.getId()).orElse(null);
        if (now != null && filter() != null && filter() != now.getStatus()) {
            status.setValue(now.getStatus().name());
        }
        queue.getDataProvider().refreshAll();
        if (now != null) {
            queue.select(now);
        }
        show(now == null ? story : now);
    }

    private static String yes(boolean value) {
        return value ? "Yes" : "No";
    }

    static String consentSummary(@Nullable StoryConsent consent) {
        if (consent == null) {
            return "None in force (withdrawn or never given)";
        }
        return "Site: " + yes(consent.isPublishOnSite()) + " · Offices: " + yes(consent.isShareWithOffices())
                + " · Press: " + yes(consent.isShareWithPress());
    }

}
