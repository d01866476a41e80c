import {
  ANY,
  BOOLEAN,
  closed,
  INTEGER,
  listOf,
  mapOf,
  OBJECT,
  oneOf,
  QUANTITY,
  STRING,
  type FieldSchema,
} from './schema.ts';

// Field lists follow kubevirt.io/api core/v1 (as typed by @kubevirt-ui-ext/kubevirt-api 1.7.0);
// allowed values follow KubeVirt's validating webhook (pkg/storage/admitters/disks.go,
// pkg/network/admitter) where it narrows a plain string.

const DNS_SUBDOMAIN: FieldSchema = {
  kind: 'string',
  pattern: /^(?=.{1,253}$)[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/,
  patternReason: 'must be a DNS-1123 subdomain: lowercase letters, digits, "-" and ".", at most 253 characters',
};
const UUID: FieldSchema = {
  kind: 'string',
  pattern: /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/,
  patternReason: 'must be a UUID like 5d307ca9-b3ef-428c-8861-06e72d69f223',
};
const COUNT: FieldSchema = { kind: 'integer', minimum: 0 };
const FEATURE_STATE = closed({ enabled: BOOLEAN });
const DISK_BUS = oneOf('virtio', 'sata', 'scsi', 'usb');
const STRING_MAP = mapOf(STRING);

const DISK = closed(
  {
    name: STRING,
    disk: closed({ bus: DISK_BUS, pciAddress: STRING, readonly: BOOLEAN }),
    cdrom: closed({ bus: DISK_BUS, readonly: BOOLEAN, tray: oneOf('open', 'closed') }),
    lun: closed({ bus: DISK_BUS, readonly: BOOLEAN, reservation: BOOLEAN }),
    bootOrder: INTEGER,
    serial: STRING,
    cache: oneOf('none', 'writethrough', 'writeback'),
    io: oneOf('native', 'threads'),
    errorPolicy: oneOf('stop', 'ignore', 'report', 'enospace'),
    dedicatedIOThread: BOOLEAN,
    shareable: BOOLEAN,
    blockSize: OBJECT,
    changedBlockTracking: BOOLEAN,
    tag: STRING,
  },
  ['name'],
);

const INTERFACE = closed(
  {
    name: STRING,
    model: oneOf('e1000', 'e1000e', 'igb', 'ne2k_pci', 'pcnet', 'rtl8139', 'virtio'),
    macAddress: STRING,
    pciAddress: STRING,
    bootOrder: INTEGER,
    acpiIndex: COUNT,
    state: oneOf('up', 'down', 'absent'),
    tag: STRING,
    ports: listOf(closed({ name: STRING, port: { kind: 'integer', minimum: 1, maximum: 65535 }, protocol: oneOf('TCP', 'UDP') }, ['port'])),
    dhcpOptions: OBJECT,
    bridge: OBJECT,
    masquerade: OBJECT,
    sriov: OBJECT,
    slirp: OBJECT,
    macvtap: OBJECT,
    passt: OBJECT,
    passtBinding: OBJECT,
    binding: closed({ name: STRING }, ['name']),
  },
  ['name'],
);

const NETWORK = closed(
  {
    name: STRING,
    pod: closed({ vmNetworkCIDR: STRING, vmIPv6NetworkCIDR: STRING }),
    multus: closed({ networkName: STRING, default: BOOLEAN }, ['networkName']),
  },
  ['name'],
);

const VOLUME = closed(
  {
    name: STRING,
    containerDisk: closed(
      { image: STRING, imagePullPolicy: oneOf('Always', 'IfNotPresent', 'Never'), imagePullSecret: STRING, path: STRING },
      ['image'],
    ),
    cloudInitNoCloud: closed({
      userData: STRING,
      userDataBase64: STRING,
      secretRef: OBJECT,
      networkData: STRING,
      networkDataBase64: STRING,
      networkDataSecretRef: OBJECT,
    }),
    cloudInitConfigDrive: OBJECT,
    emptyDisk: closed({ capacity: QUANTITY }, ['capacity']),
    hostDisk: closed({ path: STRING, type: oneOf('Disk', 'DiskOrCreate'), capacity: QUANTITY, shared: BOOLEAN }, ['path', 'type']),
    persistentVolumeClaim: closed({ claimName: STRING, readOnly: BOOLEAN, hotpluggable: BOOLEAN }, ['claimName']),
    dataVolume: closed({ name: STRING, hotpluggable: BOOLEAN }, ['name']),
    ephemeral: OBJECT,
    configMap: OBJECT,
    secret: OBJECT,
    serviceAccount: OBJECT,
    downwardAPI: OBJECT,
    downwardMetrics: OBJECT,
    sysprep: OBJECT,
    memoryDump: OBJECT,
    containerPath: OBJECT,
  },
  ['name'],
);

const DEVICES = closed({
  disks: listOf(DISK),
  interfaces: listOf(INTERFACE),
  filesystems: listOf(closed({ name: STRING, virtiofs: OBJECT }, ['name', 'virtiofs'])),
  inputs: listOf(closed({ name: STRING, type: oneOf('tablet', 'keyboard'), bus: oneOf('usb', 'virtio') }, ['name', 'type'])),
  watchdog: closed(
    {
      name: STRING,
      i6300esb: closed({ action: oneOf('poweroff', 'reset', 'shutdown') }),
      diag288: closed({ action: oneOf('poweroff', 'reset', 'shutdown') }),
    },
    ['name'],
  ),
  gpus: listOf(OBJECT),
  hostDevices: listOf(OBJECT),
  panicDevices: listOf(OBJECT),
  autoattachGraphicsDevice: BOOLEAN,
  autoattachInputDevice: BOOLEAN,
  autoattachMemBalloon: BOOLEAN,
  autoattachPodInterface: BOOLEAN,
  autoattachSerialConsole: BOOLEAN,
  autoattachVSOCK: BOOLEAN,
  blockMultiQueue: BOOLEAN,
  networkInterfaceMultiqueue: BOOLEAN,
  logSerialConsole: BOOLEAN,
  useVirtioTransitional: BOOLEAN,
  disableHotplug: BOOLEAN,
  clientPassthrough: OBJECT,
  downwardMetrics: OBJECT,
  rng: OBJECT,
  sound: OBJECT,
  tpm: OBJECT,
  video: OBJECT,
});

const DOMAIN = closed(
  {
    devices: DEVICES,
    cpu: closed({
      cores: COUNT,
      sockets: COUNT,
      threads: COUNT,
      maxSockets: COUNT,
      model: STRING,
      features: listOf(OBJECT),
      dedicatedCpuPlacement: BOOLEAN,
      isolateEmulatorThread: BOOLEAN,
      numa: OBJECT,
      realtime: OBJECT,
    }),
    memory: closed({ guest: QUANTITY, maxGuest: QUANTITY, hugepages: closed({ pageSize: STRING }), reservedOverhead: OBJECT }),
    resources: closed({ requests: mapOf(QUANTITY), limits: mapOf(QUANTITY), overcommitGuestOverhead: BOOLEAN }),
    machine: closed({ type: STRING }),
    firmware: closed({
      uuid: UUID,
      serial: STRING,
      bootloader: closed({ bios: closed({ useSerial: BOOLEAN }), efi: closed({ secureBoot: BOOLEAN, persistent: BOOLEAN }) }),
      kernelBoot: closed({
        kernelArgs: STRING,
        container: closed(
          { image: STRING, imagePullSecret: STRING, imagePullPolicy: oneOf('Always', 'IfNotPresent', 'Never'), kernelPath: STRING, initrdPath: STRING },
          ['image'],
        ),
      }),
      acpi: OBJECT,
    }),
    features: closed({
      acpi: FEATURE_STATE,
      apic: closed({ enabled: BOOLEAN, endOfInterrupt: BOOLEAN }),
      smm: FEATURE_STATE,
      pvspinlock: FEATURE_STATE,
      hyperv: OBJECT,
      hypervPassthrough: OBJECT,
      kvm: closed({ hidden: BOOLEAN }),
    }),
    clock: closed({ utc: closed({ offsetSeconds: INTEGER }), timezone: STRING, timer: OBJECT }),
    ioThreadsPolicy: oneOf('shared', 'auto', 'supplementalPool'),
    ioThreads: OBJECT,
    chassis: OBJECT,
    launchSecurity: OBJECT,
    rebootPolicy: oneOf('Reboot', 'Terminate'),
  },
  ['devices'],
);

const SPEC = closed(
  {
    domain: DOMAIN,
    volumes: listOf(VOLUME),
    networks: listOf(NETWORK),
    architecture: oneOf('amd64', 'arm64', 's390x', 'ppc64le'),
    terminationGracePeriodSeconds: COUNT,
    hostname: STRING,
    subdomain: STRING,
    nodeSelector: STRING_MAP,
    evictionStrategy: oneOf('None', 'LiveMigrate', 'LiveMigrateIfPossible', 'External'),
    startStrategy: oneOf('Paused'),
    dnsPolicy: oneOf('ClusterFirst', 'ClusterFirstWithHostNet', 'Default', 'None'),
    dnsConfig: OBJECT,
    affinity: OBJECT,
    tolerations: listOf(OBJECT),
    topologySpreadConstraints: listOf(OBJECT),
    schedulerName: STRING,
    priorityClassName: STRING,
    readinessProbe: OBJECT,
    livenessProbe: OBJECT,
    accessCredentials: listOf(OBJECT),
    resourceClaims: listOf(OBJECT),
    utilityVolumes: listOf(OBJECT),
  },
  ['domain'],
);

export const VMI_SCHEMA: FieldSchema = closed(
  {
    apiVersion: STRING,
    kind: STRING,
    metadata: { kind: 'object', open: true, fields: { name: DNS_SUBDOMAIN, namespace: STRING, labels: STRING_MAP, annotations: STRING_MAP } },
    spec: SPEC,
    status: ANY,
  },
  ['spec'],
);
