//! HubSpot CRM connector.
