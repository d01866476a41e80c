/**
 * @kvmkit/vmi — load `kubevirt.io/v1` VirtualMachineInstance and VirtualMachine manifests
 * (YAML or JSON), apply KubeVirt's defaults explicitly, and validate them with field paths.
 */
export {};
