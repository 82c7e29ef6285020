/**
 * The starter catalog and lint config written by `init`: small, valid, and showing each part of the format once.
 */
import { CATALOG_SCHEMA_URL } from "../model/json-schema.js";

/** YAML text of the starter catalog. A test checks that it validates. */
export const STARTER_CATALOG = `# yaml-language-server: $schema=${CATALOG_SCHEMA_URL}
#
# A starter catalog: one agency, two services and the life experience that joins them. Replace the example
# content with your own, then run:
#   npx service-blueprint validate catalog.yaml
#   npx service-blueprint lint catalog.yaml
#   npx service-blueprint diagram catalog.yaml --view blueprint --out diagrams
version: 1
name: My services
description: Replace this with what the catalog covers.

sources:
  - id: a11-280
    title: OMB Circular A-11 Section 280, Managing Customer Experience and Improving Service Delivery
    url: https://www.performance.gov/cx/a-11/

agencies:
  - { id: my-agency, name: My Agency, acronym: MA }

channels:
  - { id: website, name: Agency website, kind: website, agency: my-agency }
  - { id: office, name: Local office, kind: in-person, agency: my-agency }
  - { id: mail, name: Postal mail, kind: postal-mail }

roles:
  - { id: caseworker, name: Caseworker, agency: my-agency }

services:
  - id: apply-for-benefit
    name: Apply for the benefit
    agency: my-agency
    kind: benefits
    occasion: { kind: life-event, story: "I lost my job and need support while I look for work", annualVolume: 10000 }
    offering: { name: Weekly benefit, kind: benefit }
    channels: [website, office]
    steps:
      - id: learn
        name: Find out whether I qualify
        lane: customer
        activity: learn
        channel: website
        customerMinutes: 20
        next: [{ to: apply }]
      - id: apply
        name: Fill in the application
        lane: customer
        activity: apply
        channel: website
        customerMinutes: 45
        next: [{ to: review }]
      - id: review
        name: Review the application
        lane: backstage
        activity: review
        role: caseworker
        waitDays: 21
        waitVisibility: opaque
        next: [{ to: decision }]
      - id: decision
        name: Decision letter
        lane: physical-evidence
        activity: notify
        channel: mail
        outcome: granted
    feedback: []

  - id: find-work
    name: Register for job search help
    agency: my-agency
    kind: administrative
    occasion: { kind: intent, story: "I want help finding a new job", annualVolume: 6000 }
    offering: { name: Job search support, kind: access }
    channels: [office]
    steps:
      - id: visit
        name: Visit the local office with my ID
        lane: customer
        activity: attend
        channel: office
        customerMinutes: 30
        travelMinutes: 40
        next: [{ to: register }]
      - id: register
        name: Register the customer
        lane: frontstage
        activity: provide-information
        role: caseworker
        channel: office
        customerMinutes: 15

lifeExperiences:
  - id: losing-a-job
    name: Losing a job
    services: [apply-for-benefit, find-work]
    links:
      - id: referral
        kind: referral
        from: { service: apply-for-benefit, step: decision }
        to: { service: find-work, step: visit }
        label: The decision letter tells the customer to register for job search help
`;

/** The lint config written by `init --config`: found by every command that lints, from this folder down. */
export const STARTER_CONFIG = `# service-blueprint lint config: found by lint, diagram --sludge, compare and report when they run in
# this folder or below (up to the project root). Rule ids and their options: docs/rules in the package.
preset: recommended
rules:
  # "off", info, warning or error; or [severity, { options }]
  long-wait: [warning, { maxWaitDays: 30 }]
# Steps or services with their own settings:
overrides: []
# Dollars per hour of customer time (default 35):
# hourValue: 35
# Custom rules: ES modules of rules made with defineRule, by path (relative to this file) or package name.
# plugins:
#   - ./rules/no-fax.js
plugins: []
`;
