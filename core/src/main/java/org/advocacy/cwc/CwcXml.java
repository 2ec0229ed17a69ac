package org.advocacy.cwc;

import java.io.StringWriter;
import java.time.format.DateTimeFormatter;
import java.util.regex.Pattern;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import org.jspecify.annotations.Nullable;

/**
 * Writes a {@link CwcMessage} as CWC 2.0 XML: {@code <CWC><CWCVersion>2.0</CWCVersion>}
 * then Delivery, Recipient, Constituent and Message, in that order (element order and
 * names from EFForg/congress_forms {@code lib/cwc/message.rb} and electorateme/cwc
 * {@code lib/cwc/api/message.rb}; docs/cwc.md).
 */
public final class CwcXml {

    private static final DateTimeFormatter DATE = DateTimeFormatter.BASIC_ISO_DATE;

    private static final XMLOutputFactory OUTPUT = XMLOutputFactory.newFactory();

    /**
     * Characters XML 1.0 cannot carry (control characters pasted into a letter): dropped.
     */
    private static final Pattern XML_ILLEGAL = Pattern
        .compile("[^\\x09\\x0A\\x0D\\x20-\\uD7FF\\uE000-\\uFFFD\\x{10000}-\\x{10FFFF}]");

    private CwcXml() {
    }

    public static String write(CwcMessage m) {
        StringWriter out = new StringWriter(4096);
        try {
            XMLStreamWriter xml = OUTPUT.createXMLStreamWriter(out);
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeStartElement("CWC");
            text(xml, "CWCVersion", "2.0");
            delivery(xml, m);
            xml.writeStartElement("Recipient");
            text(xml, "MemberOffice", m.memberOffice());
            xml.writeEndElement();
            constituent(xml, m.constituent());
            message(xml, m);
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.close();
        }
        catch (XMLStreamException e) {
            throw new IllegalStateException("Could not write a CWC message", e);
        }
        return out.toString();
    }

    private static void delivery(XMLStreamWriter xml, CwcMessage m) throws XMLStreamException {
        CwcSettings.Agent agent = m.agent();
        xml.writeStartElement("Delivery");
        text(xml, "DeliveryId", m.deliveryId());
        text(xml, "DeliveryDate", DATE.format(m.deliveryDate()));
        text(xml, "DeliveryAgent", required(agent.name(), "advocacy.cwc.agent.name"));
        text(xml, "DeliveryAgentAckEmailAddress", required(agent.ackEmail(), "advocacy.cwc.agent.ack-email"));
        xml.writeStartElement("DeliveryAgentContact");
        text(xml, "DeliveryAgentContactName", required(agent.contactName(), "advocacy.cwc.agent.contact-name"));
        text(xml, "DeliveryAgentContactEmail", required(agent.contactEmail(), "advocacy.cwc.agent.contact-email"));
        text(xml, "DeliveryAgentContactPhone", required(agent.contactPhone(), "advocacy.cwc.agent.contact-phone"));
        xml.writeEndElement();
        optional(xml, "Organization", agent.organization());
        optional(xml, "OrganizationAbout", agent.organizationAbout());
        text(xml, "CampaignId", m.campaignId());
        xml.writeEndElement();
    }

    private static void constituent(XMLStreamWriter xml, CwcMessage.Constituent c) throws XMLStreamException {
        xml.writeStartElement("Constituent");
        text(xml, "Prefix", c.prefix());
        text(xml, "FirstName", c.firstName());
        text(xml, "LastName", c.lastName());
        text(xml, "Address1", c.address1());
        optional(xml, "Address2", c.address2());
        text(xml, "City", c.city());
        text(xml, "StateAbbreviation", c.stateAbbreviation());
        text(xml, "Zip", c.zip());
        text(xml, "Email", c.email());
        xml.writeEndElement();
    }

    private static void message(XMLStreamWriter xml, CwcMessage m) throws XMLStreamException {
        xml.writeStartElement("Message");
        text(xml, "Subject", m.subject());
        xml.writeStartElement("LibraryOfCongressTopics");
        for (String topic : m.topics()) {
            text(xml, "LibraryOfCongressTopic", topic);
        }
        xml.writeEndElement();
        if (!m.bills().isEmpty()) {
            xml.writeStartElement("Bills");
            for (CwcMessage.BillRef bill : m.bills()) {
                xml.writeStartElement("Bill");
                text(xml, "BillCongress", Integer.toString(bill.congress()));
                text(xml, "BillTypeAbbreviation", bill.typeAbbreviation());
                text(xml, "BillNumber", Integer.toString(bill.number()));
                xml.writeEndElement();
            }
            xml.writeEndElement();
        }
        optional(xml, "OrganizationStatement", m.organizationStatement());
        optional(xml, "ConstituentMessage", m.constituentMessage());
        optional(xml, "MoreInfo", m.moreInfo());
        xml.writeEndElement();
    }

    private static void text(XMLStreamWriter xml, String name, String value) throws XMLStreamException {
        xml.writeStartElement(name);
        xml.writeCharacters(XML_ILLEGAL.matcher(value).replaceAll(""));
        xml.writeEndElement();
    }

    private static void optional(XMLStreamWriter xml, String name, @Nullable String value) throws XMLStreamException {
        if (value != null && !value.isBlank()) {
            text(xml, name, value);
        }
    }

    private static String required(@Nullable String value, String setting) {
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("CWC delivery needs " + setting);
        }
        return value;
    }

}
