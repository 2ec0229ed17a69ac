package org.advocacy.campaigns;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityListeners;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.advocacy.shared.PublicContentListener;
import org.jspecify.annotations.Nullable;

/** A toolkit entry: a guide, fact sheet, talking points or link supporters can use. */
@Entity
@EntityListeners(PublicContentListener.class)
@Table(name = "toolkit_resource")
public class ToolkitResource {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "campaign_id", nullable = false)
    private Long campaignId;

    @Column(nullable = false)
    private int position;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ToolkitKind kind;

    @Column(nullable = false)
    private String title;

    @Column(nullable = false)
    private String description;

    private @Nullable String body;

    private @Nullable String url;

    protected ToolkitResource() {
    }

    public ToolkitResource(Long campaignId, int position, ToolkitKind kind, String title, String description,
            @Nullable String body, @Nullable String url) {
        this.campaignId = campaignId;
        set(position, kind, title, description, body, url);
    }

    /** Changes what the entry says and where it sits in the toolkit. */
    public void edit(int position, ToolkitKind kind, String title, String description, @Nullable String body,
            @Nullable String url) {
        set(position, kind, title, description, body, url);
    }

    private void set(int position, ToolkitKind kind, String title, String description, @Nullable String body,
            @Nullable String url) {
        this.position = position;
        this.kind = kind;
        this.title = title;
        this.description = description;
        this.body = body;
        this.url = url;
    }

    public Long getId() {
        return id;
    }

    public Long getCampaignId() {
        return campaignId;
    }

    public int getPosition() {
        return position;
    }

    public ToolkitKind getKind() {
        return kind;
    }

    public String getTitle() {
        return title;
    }

    public String getDescription() {
        return description;
    }

    public @Nullable String getBody() {
        return body;
    }

    public @Nullable String getUrl() {
        return url;
    }

}
