/**
 * @kvmkit/domain-xml — a typed model of libvirt's Domain XML, named after libvirt's own
 * elements, that parses with fast-xml-parser, formats in libvirt's canonical order and keeps
 * whatever it does not model.
 */
export type { XmlElement, XmlText, XmlNode, UnknownElement, UnknownXml, Extensible } from './xml/xml-node.ts';
export type { TimerCatchup, Timer, Clock, PowerManagementState, PowerManagement } from './model/clock.ts';
export type { ScaledInteger, ZpciAddress, DeviceAddress, DeviceAlias, DeviceBoot, DeviceAcpi, DeviceRom, VirtioOptions, SecurityLabel } from './model/common.ts';
export type { Vcpu, VcpuState, Vcpus, Iothread, Iothreadids, DefaultIothread, VcpuPin, EmulatorPin, IothreadPin, ThreadScheduler, Cachetune, Cputune, NumatuneMemory, NumatuneMemnode, Numatune, Resource } from './model/cpu-tuning.ts';
export type { CpuModel, CpuTopology, CpuFeature, CpuCache, NumaDistance, NumaDistances, NumaCacheValue, NumaCellCache, NumaCell, NumaInterconnect, NumaInterconnects, CpuNuma, Cpu } from './model/cpu.ts';
export type { KvmkitMetadata, KvmkitVmiIdentity, Metadata, Perf, PerfEvent, Domain } from './model/domain.ts';
export { KVMKIT_METADATA_NAMESPACE } from './model/domain.ts';
export type { FeatureState, HypervSpinlocks, HypervStimer, HypervVendorId, HypervTlbflush, Hyperv, KvmDirtyRing, KvmFeatures, ApicFeature, GicFeature, SmmFeature, IoapicFeature, HptFeature, FeatureValue, TcgFeature, AsyncTeardownFeature, Features } from './model/features.ts';
export type { LaunchSecurity, TdxQuoteGenerationService, KeywrapCipher, Keywrap } from './model/launch-security.ts';
export type { MaxMemory, Memory, HugepagePage, Hugepages, MemorySource, MemoryAccess, MemoryAllocation, MemoryBacking, Memtune, BlkiotuneDevice, Blkiotune } from './model/memory.ts';
export type { OsType, OsLoader, SourceHost, AuthSecret, SourceAuth, NvramSource, OsNvram, FirmwareFeature, OsFirmware, OsBoot, OsBootmenu, OsBios, OsSmbios, AcpiTable, OsAcpi, Os, IdmapRange, Idmap } from './model/os.ts';
export type { QemuArg, QemuEnv, QemuCommandline, QemuCapability, QemuCapabilities } from './model/qemu.ts';
export { QEMU_NAMESPACE } from './model/qemu.ts';
export type { SysinfoEntry, SysinfoBlock, Sysinfo } from './model/sysinfo.ts';
export type { CharacterSource, CharacterProtocol, CharacterLog, CharacterTarget, CharacterTargetModel, CharacterDevice } from './model/devices/character-device.ts';
export type { ControllerModel, ControllerTarget, ControllerDriver, ControllerMaster, Controller } from './model/devices/controller.ts';
export type { Devices } from './model/devices/devices.ts';
export type { DiskDriver, DiskFormat, DiskReservations, DiskSource, DiskBackingStore, DiskTarget, DiskBlockio, DiskGeometry, DiskIotune, DiskTransient, Disk } from './model/devices/disk.ts';
export type { FilesystemDriver, FilesystemBinary, FilesystemSource, FilesystemTarget, Filesystem } from './model/devices/filesystem.ts';
export type { GraphicsListen, GraphicsChannel, GraphicsGl, Graphics } from './model/devices/graphics.ts';
export type { UsbId, HostdevAdapter, HostdevSource, HostdevDriver, Hostdev } from './model/devices/hostdev.ts';
export type { InputSource, Input } from './model/devices/input.ts';
export type { BandwidthRate, InterfaceBandwidth, InterfaceMac, InterfaceSource, InterfaceModel, InterfaceDriver, InterfaceBackend, PortForwardRange, PortForward, InterfaceIp, InterfaceRoute, InterfaceTarget, InterfaceLink, InterfaceMtu, InterfaceScript, InterfaceTeaming, InterfaceFilterref, InterfaceGuest, VlanTag, InterfaceVlan, Interface } from './model/devices/interface.ts';
export type { MemballoonStats, Memballoon } from './model/devices/memballoon.ts';
export type { MemoryDeviceSource, MemoryDeviceLabel, MemoryDeviceTarget, MemoryDeviceTargetAddress, MemoryDevice } from './model/devices/memory-device.ts';
export type { Watchdog, Panic, VsockCid, Vsock, IommuDriver, Iommu, NvramDevice, Lease, LeaseTarget } from './model/devices/platform-devices.ts';
export type { RngRate, RngBackend, Rng } from './model/devices/rng.ts';
export type { ShmemModel, ShmemServer, ShmemMsi, Shmem } from './model/devices/shmem.ts';
export type { SoundCodec, SoundAudioRef, Sound, Audio } from './model/devices/sound.ts';
export type { TpmDevice, TpmEncryption, TpmSource, TpmBackend, Tpm } from './model/devices/tpm.ts';
export type { Redirdev, RedirfilterRule, Redirfilter, Hub, Smartcard } from './model/devices/usb-devices.ts';
export type { VideoAcceleration, VideoResolution, VideoModel, VideoDriver, Video } from './model/devices/video.ts';
export type { DeviceTypes, DeviceKind, AnyDevice } from './device-xml.ts';
export { formatDeviceXml, parseDeviceXml, listDevices, findDeviceByAlias, findDiskByTarget, findInterfaceByMac } from './device-xml.ts';
export { ensureSingleNumaCell } from './ensure-single-numa-cell.ts';
export { parseDomainXml } from './parse-domain-xml.ts';
export { formatDomainXml } from './format-domain-xml.ts';
export { DomainXmlError } from './xml/domain-xml-error.ts';
